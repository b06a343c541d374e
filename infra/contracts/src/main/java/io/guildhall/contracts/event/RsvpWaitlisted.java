package io.guildhall.contracts.event;

import io.guildhall.contracts.GuildhallEvent;

import java.time.Instant;
import java.util.UUID;

/** {@code guildhall.event.rsvp-waitlisted.v1}: a person answered GOING to a full event and was put on its waitlist. */
public record RsvpWaitlisted(
        UUID eventId,
        String personId,
        int position,
        Instant waitlistedAt) implements GuildhallEvent {

    @Override
    public String aggregateId() {
        return eventId.toString();
    }
}
