package io.guildhall.contracts.membership;

import io.guildhall.contracts.EnumValues;
import io.guildhall.contracts.GuildhallEvent;

import java.time.Instant;
import java.util.UUID;

/** {@code guildhall.membership.left.v1}: a person stopped being a member of a community. */
public record MembershipLeft(
        UUID communityId,
        String personId,
        @EnumValues(LeaveReason.class) String reason,
        Instant leftAt) implements GuildhallEvent {

    @Override
    public String aggregateId() {
        return communityId.toString();
    }
}
