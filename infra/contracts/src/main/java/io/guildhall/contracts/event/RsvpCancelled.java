package io.guildhall.contracts.event;

import io.guildhall.contracts.EnumValues;
import io.guildhall.contracts.GuildhallEvent;

import java.time.Instant;
import java.util.UUID;

/** {@code guildhall.event.rsvp-cancelled.v1}: a person withdrew their RSVP (GOING or WAITLISTED); a seat may have freed. */
public record RsvpCancelled(
        UUID eventId,
        String personId,
        @EnumValues(RsvpStatus.class) String previousStatus,
        Instant cancelledAt) implements GuildhallEvent {

    @Override
    public String aggregateId() {
        return eventId.toString();
    }
}
