package io.guildhall.contracts.event;

import io.guildhall.contracts.Description;
import io.guildhall.contracts.GuildhallEvent;
import io.guildhall.contracts.Minimum;

import java.time.Instant;
import java.util.UUID;

@Description("A person answered GOING to a full event and was put on its waitlist.")
public record RsvpWaitlisted(
        @Description("The event; also the Kafka record key and ce_subject.")
        UUID eventId,
        @Description("The person (Keycloak user id, the token's sub).")
        String personId,
        @Description("Their position on the waitlist, 1 = next to be promoted.")
        @Minimum(1) int position,
        @Description("When (RFC 3339, UTC).")
        Instant waitlistedAt) implements GuildhallEvent {

    @Override
    public String aggregateId() {
        return eventId.toString();
    }
}
