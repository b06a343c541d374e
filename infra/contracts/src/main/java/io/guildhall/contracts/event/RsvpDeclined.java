package io.guildhall.contracts.event;

import io.guildhall.contracts.GuildhallEvent;

import java.time.Instant;
import java.util.UUID;

/** {@code guildhall.event.rsvp-declined.v1}: a person answered NOT_GOING. */
public record RsvpDeclined(
        UUID eventId,
        String personId,
        Instant declinedAt) implements GuildhallEvent {

    @Override
    public String aggregateId() {
        return eventId.toString();
    }
}
