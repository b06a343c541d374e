package io.guildhall.membership.person;

import reactor.core.publisher.Mono;

import java.time.Instant;

/** Reacts, inside the directory's transaction, to a person becoming inactive (e.g. their memberships close). */
public interface DeactivationListener {
    Mono<Void> deactivated(String personId, Instant at);
}
