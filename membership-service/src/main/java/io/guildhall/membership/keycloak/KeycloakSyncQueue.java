package io.guildhall.membership.keycloak;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Records Keycloak work in the caller's transaction, like the outbox: the membership change and the promise to
 * mirror it commit together; {@link KeycloakSyncWorker} carries it out, retrying while Keycloak is unavailable.
 */
@Component
public class KeycloakSyncQueue {

    public static final String LEAD_ROLE = "LEAD_ROLE";
    public static final String GROUP_MEMBERSHIP = "GROUP_MEMBERSHIP";

    private final DatabaseClient db;
    private final Clock clock;

    public KeycloakSyncQueue(DatabaseClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Reconcile whether the person should hold the realm role community-lead. */
    public Mono<Void> leadRole(String personId) {
        return enqueue(LEAD_ROLE, personId, null);
    }

    /** Reconcile whether the person should be in the community's group. */
    public Mono<Void> groupMembership(String personId, UUID communityId) {
        return enqueue(GROUP_MEMBERSHIP, personId, communityId);
    }

    private Mono<Void> enqueue(String kind, String personId, UUID communityId) {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        DatabaseClient.GenericExecuteSpec spec = db.sql("INSERT INTO keycloak_sync (kind, person_id, community_id, "
                        + "next_attempt_at, created_at) VALUES (:kind, :person, :community, :now, :now)")
                .bind("kind", kind).bind("person", personId).bind("now", now);
        return (communityId == null ? spec.bindNull("community", UUID.class) : spec.bind("community", communityId)).then();
    }
}
