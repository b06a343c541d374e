package io.guildhall.contracts.membership;

import io.guildhall.contracts.Description;
import io.guildhall.contracts.GuildhallEvent;

import java.time.Instant;
import java.util.UUID;

@Description("A person asked to join a community whose visibility is REQUEST_TO_JOIN.")
public record MembershipRequested(
        @Description("The community; also the Kafka record key and ce_subject.")
        UUID communityId,
        @Description("The request.")
        UUID requestId,
        @Description("Who asks to join (Keycloak user id, the token's sub).")
        String personId,
        @Description("When (RFC 3339, UTC).")
        Instant requestedAt) implements GuildhallEvent {

    @Override
    public String aggregateId() {
        return communityId.toString();
    }
}
