package io.guildhall.community.community;

import io.guildhall.contracts.community.LeadAssigned;
import io.guildhall.contracts.community.LeadRemoved;
import io.guildhall.support.outbox.Outbox;
import io.guildhall.support.security.CurrentPerson;
import io.guildhall.support.web.ConflictException;
import io.guildhall.support.web.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Co-leads. Each change locks the community row first, so two concurrent removals cannot together take away the
 * last lead, and bumps the community's version: the leads are part of its representation (and ETag).
 */
@Service
public class LeadService {

    private final CommunityService communities;
    private final LeadStore leads;
    private final CommunityStore store;
    private final Leadership leadership;
    private final Outbox outbox;
    private final Clock clock;

    public LeadService(CommunityService communities, LeadStore leads, CommunityStore store, Leadership leadership,
                       Outbox outbox, Clock clock) {
        this.communities = communities;
        this.leads = leads;
        this.store = store;
        this.leadership = leadership;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Makes a person a co-lead; assigning an existing lead again changes nothing and publishes nothing. */
    @Transactional
    public Mono<CommunityView> assign(UUID communityId, String personId, CurrentPerson caller) {
        Instant now = clock.instant();
        return lockedActive(communityId, caller)
                .then(leads.isLead(communityId, personId))
                .flatMap(already -> already ? Mono.<Void>empty()
                        : leads.assign(communityId, personId, now)
                                .then(store.touch(communityId, now))
                                .then(outbox.append(new LeadAssigned(communityId, personId, caller.personId(), now))))
                .then(communities.get(communityId));
    }

    /** Removes a lead; a lead may step down themselves, but the last lead can never be removed. */
    @Transactional
    public Mono<CommunityView> remove(UUID communityId, String personId, CurrentPerson caller) {
        Instant now = clock.instant();
        return lockedActive(communityId, caller)
                .then(leads.leadsOf(communityId))
                .flatMap(current -> {
                    if (!current.contains(personId)) {
                        return Mono.error(new NotFoundException(personId + " is not a lead of community " + communityId));
                    }
                    if (current.size() == 1) {
                        return Mono.error(new ConflictException("personId",
                                "a community always keeps at least one lead: assign another lead first"));
                    }
                    return leads.remove(communityId, personId)
                            .then(store.touch(communityId, now))
                            .then(outbox.append(new LeadRemoved(communityId, personId, caller.personId(), now)));
                })
                .then(communities.get(communityId));
    }

    private Mono<Void> lockedActive(UUID communityId, CurrentPerson caller) {
        return store.lockStatus(communityId)
                .switchIfEmpty(Mono.error(new NotFoundException("No community " + communityId)))
                .flatMap(status -> leadership.requireLeadOrAdmin(communityId, caller).thenReturn(status))
                .flatMap(status -> status == CommunityStatus.ARCHIVED
                        ? Mono.error(new ConflictException("status", "the community is archived and can no longer be changed"))
                        : Mono.empty());
    }
}
