package io.guildhall.contracts.membership;

import io.guildhall.contracts.Description;
import io.guildhall.contracts.EnumValues;
import io.guildhall.contracts.GuildhallEvent;
import io.guildhall.contracts.Nullable;

import java.time.Instant;
import java.util.UUID;

@Description("A lead approved or declined a request to join; an approval is followed by a joined event. The lead's "
        + "reason is not published (docs/privacy.md); the person reads it in membership-service.")
public record MembershipRequestDecided(
        @Description("The community; also the Kafka record key and ce_subject.")
        UUID communityId,
        @Description("The request.")
        UUID requestId,
        @Description("Who asked to join (Keycloak user id, the token's sub).")
        String personId,
        @Description("APPROVED or DECLINED.")
        @EnumValues(RequestDecision.class) String decision,
        @Description("Always null since 2026-12 (privacy, docs/privacy.md): the lead's reason is free text about a "
                + "person and stays in membership-service, where the person reads it. Older events may carry it.")
        @Nullable String reason,
        @Description("The lead who decided (Keycloak user id, the token's sub).")
        String decidedBy,
        @Description("When (RFC 3339, UTC).")
        Instant decidedAt) implements GuildhallEvent {

    @Override
    public String aggregateId() {
        return communityId.toString();
    }
}
