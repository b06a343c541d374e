package io.guildhall.contracts.event;

import io.guildhall.contracts.EnumValues;
import io.guildhall.contracts.GuildhallEvent;
import io.guildhall.contracts.Nullable;

import java.time.Instant;
import java.util.UUID;

/** {@code guildhall.event.no-show-recorded.v1}: the event ended and a person who was GOING never checked in. */
public record NoShowRecorded(
        UUID eventId,
        String personId,
        @Nullable UUID communityId,
        @EnumValues(EventCategory.class) String category,
        Instant startsAt,
        Instant endsAt,
        String timeZone,
        Instant recordedAt) implements GuildhallEvent {

    @Override
    public String aggregateId() {
        return eventId.toString();
    }
}
