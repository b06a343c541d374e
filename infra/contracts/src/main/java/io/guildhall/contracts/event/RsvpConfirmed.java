package io.guildhall.contracts.event;

import io.guildhall.contracts.EnumValues;
import io.guildhall.contracts.GuildhallEvent;
import io.guildhall.contracts.Nullable;

import java.time.Instant;
import java.util.UUID;

/** {@code guildhall.event.rsvp-confirmed.v1}: a person answered GOING and got a seat. */
public record RsvpConfirmed(
        UUID eventId,
        String personId,
        @Nullable UUID communityId,
        @EnumValues(EventCategory.class) String category,
        Instant startsAt,
        Instant endsAt,
        String timeZone,
        Instant confirmedAt) implements GuildhallEvent {

    @Override
    public String aggregateId() {
        return eventId.toString();
    }
}
