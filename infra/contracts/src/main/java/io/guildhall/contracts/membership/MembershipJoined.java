package io.guildhall.contracts.membership;

import io.guildhall.contracts.EnumValues;
import io.guildhall.contracts.GuildhallEvent;

import java.time.Instant;
import java.util.UUID;

/** {@code guildhall.membership.joined.v1}: a person became a member of a community. */
public record MembershipJoined(
        UUID communityId,
        String personId,
        @EnumValues(MembershipRole.class) String role,
        @EnumValues(JoinRoute.class) String route,
        Instant joinedAt) implements GuildhallEvent {

    @Override
    public String aggregateId() {
        return communityId.toString();
    }
}
