package io.guildhall.contracts.membership;

import io.guildhall.contracts.Description;
import io.guildhall.contracts.EnumValues;
import io.guildhall.contracts.GuildhallEvent;

import java.time.Instant;
import java.util.UUID;

@Description("A person stopped being a member of a community (left, community archived, person deactivated or erased).")
public record MembershipLeft(
        @Description("The community; also the Kafka record key and ce_subject.")
        UUID communityId,
        @Description("The former member (Keycloak user id, the token's sub).")
        String personId,
        @Description("LEFT: they left; COMMUNITY_ARCHIVED: the community was archived; PERSON_DEACTIVATED / "
                + "PERSON_ERASED: the person left the directory.")
        @EnumValues(LeaveReason.class) String reason,
        @Description("When (RFC 3339, UTC).")
        Instant leftAt) implements GuildhallEvent {

    @Override
    public String aggregateId() {
        return communityId.toString();
    }
}
