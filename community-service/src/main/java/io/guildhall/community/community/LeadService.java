package io.guildhall.community.community;

import io.guildhall.contracts.community.LeadAssigned;
import io.guildhall.contracts.community.LeadRemoved;
import io.guildhall.support.outbox.Outbox;
import io.guildhall.support.security.CurrentPerson;
import io.guildhall.support.web.ConflictException;
import io.guildhall.support.web.NotFoundException;
import org.springframework.r2dbc.core.DatabaseClient;
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
    private final Leadership leadership;
    private final DatabaseClient db;
    private final Outbox outbox;
    private final Clock clock;

    public LeadService(CommunityService communities, Leadership leadership, DatabaseClient db, Outbox outbox, Clock clock) {
        this.communities = communities;
        this.leadership = leadership;
        this.db = db;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Makes a person a co-lead; assigning an existing lead again changes nothing and publishes nothing. */
    @Transactional
    public Mono<CommunityView> assign(UUID communityId, String personId, CurrentPerson caller) {
        Instant now = clock.instant();
        return lockedActive(communityId, caller)
                .then(leadership.isLead(communityId, personId))
                .flatMap(already -> already ? Mono.<Void>empty()
                        : leadership.assign(communityId, personId, now)
                                .then(touch(communityId, now))
                                .then(outbox.append(new LeadAssigned(communityId, personId, caller.personId(), now))))
                .then(communities.get(communityId));
    }

    /** Removes a lead; a lead may step down themselves, but the last lead can never be removed. */
    @Transactional
    public Mono<CommunityView> remove(UUID communityId, String personId, CurrentPerson caller) {
        Instant now = clock.instant();
        return lockedActive(communityId, caller)
                .then(leadership.leadsOf(communityId))
                .flatMap(leads -> {
                    if (!leads.contains(personId)) {
                        return Mono.error(new NotFoundException(personId + " is not a lead of community " + communityId));
                    }
                    if (leads.size() == 1) {
                        return Mono.error(new ConflictException("personId",
                                "a community always keeps at least one lead: assign another lead first"));
                    }
                    return leadership.remove(communityId, personId)
                            .then(touch(communityId, now))
                            .then(outbox.append(new LeadRemoved(communityId, personId, caller.personId(), now)));
                })
                .then(communities.get(communityId));
    }

    private Mono<Void> lockedActive(UUID communityId, CurrentPerson caller) {
        return db.sql("SELECT status FROM community WHERE id = :id FOR UPDATE").bind("id", communityId)
                .map(row -> row.get("status", String.class)).first()
                .switchIfEmpty(Mono.error(new NotFoundException("No community " + communityId)))
                .flatMap(status -> leadership.requireLeadOrAdmin(communityId, caller).thenReturn(status))
                .flatMap(status -> CommunityStatus.ARCHIVED.name().equals(status)
                        ? Mono.error(new ConflictException("status", "the community is archived and can no longer be changed"))
                        : Mono.empty());
    }

    private Mono<Void> touch(UUID communityId, Instant now) {
        return db.sql("UPDATE community SET version = version + 1, updated_at = :t WHERE id = :id")
                .bind("t", now).bind("id", communityId).then();
    }
}
