package io.guildhall.contracts.membership;

import io.guildhall.contracts.GuildhallEvent;

import java.time.Instant;
import java.util.UUID;

/** {@code guildhall.membership.requested.v1}: a person asked to join a community whose visibility is REQUEST_TO_JOIN. */
public record MembershipRequested(
        UUID communityId,
        UUID requestId,
        String personId,
        Instant requestedAt) implements GuildhallEvent {

    @Override
    public String aggregateId() {
        return communityId.toString();
    }
}
