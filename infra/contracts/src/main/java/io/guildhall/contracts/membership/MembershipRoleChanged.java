package io.guildhall.contracts.membership;

import io.guildhall.contracts.EnumValues;
import io.guildhall.contracts.GuildhallEvent;

import java.time.Instant;
import java.util.UUID;

/** {@code guildhall.membership.role-changed.v1}: a member's role in a community changed (MEMBER to LEAD or back), following the community service's lead events. */
public record MembershipRoleChanged(
        UUID communityId,
        String personId,
        @EnumValues(MembershipRole.class) String previousRole,
        @EnumValues(MembershipRole.class) String role,
        String changedBy,
        Instant changedAt) implements GuildhallEvent {

    @Override
    public String aggregateId() {
        return communityId.toString();
    }
}
