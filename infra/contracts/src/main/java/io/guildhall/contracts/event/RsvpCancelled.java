package io.guildhall.contracts.event;

import io.guildhall.contracts.Description;
import io.guildhall.contracts.EnumValues;
import io.guildhall.contracts.GuildhallEvent;

import java.time.Instant;
import java.util.UUID;

@Description("A person withdrew their RSVP (GOING or WAITLISTED); a seat may have freed.")
public record RsvpCancelled(
        @Description("The event; also the Kafka record key and ce_subject.")
        UUID eventId,
        @Description("The person (Keycloak user id, the token's sub).")
        String personId,
        @Description("What they had answered (GOING or WAITLISTED).")
        @EnumValues(RsvpStatus.class) String previousStatus,
        @Description("When (RFC 3339, UTC).")
        Instant cancelledAt) implements GuildhallEvent {

    @Override
    public String aggregateId() {
        return eventId.toString();
    }
}
