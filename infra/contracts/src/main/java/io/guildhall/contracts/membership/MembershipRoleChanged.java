package io.guildhall.contracts.membership;

import io.guildhall.contracts.Description;
import io.guildhall.contracts.EnumValues;
import io.guildhall.contracts.GuildhallEvent;

import java.time.Instant;
import java.util.UUID;

@Description("A member's role in a community changed (MEMBER to LEAD or back), following the community service's lead "
        + "events.")
public record MembershipRoleChanged(
        @Description("The community; also the Kafka record key and ce_subject.")
        UUID communityId,
        @Description("The member (Keycloak user id, the token's sub).")
        String personId,
        @Description("The role before.")
        @EnumValues(MembershipRole.class) String previousRole,
        @Description("The role from now on.")
        @EnumValues(MembershipRole.class) String role,
        @Description("Who caused the change (Keycloak user id, the token's sub), as the community event says.")
        String changedBy,
        @Description("When (RFC 3339, UTC).")
        Instant changedAt) implements GuildhallEvent {

    @Override
    public String aggregateId() {
        return communityId.toString();
    }
}
