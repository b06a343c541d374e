package io.guildhall.membership.keycloak;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.util.UUID;

/**
 * Records Keycloak work in the caller's transaction, like the outbox: the membership change and the promise to
 * mirror it commit together; {@link KeycloakSyncWorker} carries it out, retrying while Keycloak is unavailable.
 */
@Component
public class KeycloakSyncQueue {

    public static final String LEAD_ROLE = "LEAD_ROLE";
    public static final String GROUP_MEMBERSHIP = "GROUP_MEMBERSHIP";

    private final KeycloakSyncStore store;
    private final Clock clock;

    public KeycloakSyncQueue(KeycloakSyncStore store, Clock clock) {
        this.store = store;
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
        return store.enqueue(kind, personId, communityId, clock.instant());
    }
}
