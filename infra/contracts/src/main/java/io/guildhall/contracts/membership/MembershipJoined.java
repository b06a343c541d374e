package io.guildhall.contracts.membership;

import io.guildhall.contracts.Description;
import io.guildhall.contracts.EnumValues;
import io.guildhall.contracts.GuildhallEvent;

import java.time.Instant;
import java.util.UUID;

@Description("A person became a member of a community (joined an open one, request approved, founded it or was made "
        + "lead).")
public record MembershipJoined(
        @Description("The community; also the Kafka record key and ce_subject.")
        UUID communityId,
        @Description("The new member (Keycloak user id, the token's sub).")
        String personId,
        @Description("The role they joined with.")
        @EnumValues(MembershipRole.class) String role,
        @Description("OPEN_JOIN: joined an open community; REQUEST_APPROVED: a lead approved their request; FOUNDED: "
                + "founded the community; LEAD_ASSIGNED: made a lead without being a member before.")
        @EnumValues(JoinRoute.class) String route,
        @Description("When (RFC 3339, UTC).")
        Instant joinedAt) implements GuildhallEvent {

    @Override
    public String aggregateId() {
        return communityId.toString();
    }
}
