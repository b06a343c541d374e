package io.guildhall.community.community;

import io.guildhall.support.security.CurrentPerson;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.util.UUID;

/**
 * Who leads which community. Leadership is per community and lives in this service's database: the realm role
 * {@code community-lead} alone entitles nobody to change a community they do not lead.
 */
@Component
public class Leadership {

    private final LeadStore leads;

    public Leadership(LeadStore leads) {
        this.leads = leads;
    }

    public Mono<Boolean> isLead(UUID communityId, String personId) {
        return leads.isLead(communityId, personId);
    }

    /** Completes when the caller leads the community or is an admin; fails with 403 otherwise. */
    public Mono<Void> requireLeadOrAdmin(UUID communityId, CurrentPerson caller) {
        if (caller.isAdmin()) {
            return Mono.empty();
        }
        return isLead(communityId, caller.personId())
                .flatMap(lead -> lead ? Mono.<Void>empty()
                        : Mono.error(new AccessDeniedException("Only a lead of this community may do this")));
    }
}
