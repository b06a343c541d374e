package io.guildhall.contracts.event;

import io.guildhall.contracts.Description;
import io.guildhall.contracts.GuildhallEvent;

import java.time.Instant;
import java.util.UUID;

@Description("A person answered NOT_GOING.")
public record RsvpDeclined(
        @Description("The event; also the Kafka record key and ce_subject.")
        UUID eventId,
        @Description("The person (Keycloak user id, the token's sub).")
        String personId,
        @Description("When (RFC 3339, UTC).")
        Instant declinedAt) implements GuildhallEvent {

    @Override
    public String aggregateId() {
        return eventId.toString();
    }
}
