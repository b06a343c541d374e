package io.guildhall.contracts.event;

import io.guildhall.contracts.EnumValues;
import io.guildhall.contracts.GuildhallEvent;
import io.guildhall.contracts.Nullable;

import java.time.Instant;
import java.util.UUID;

/** {@code guildhall.event.scheduled.v1}: an organiser scheduled an event (or one occurrence of a recurring series). */
public record EventScheduled(
        UUID eventId,
        @Nullable UUID seriesId,
        String title,
        @Nullable String description,
        @EnumValues(EventCategory.class) String category,
        @EnumValues(EventFormat.class) String format,
        Instant startsAt,
        Instant endsAt,
        String timeZone,
        @Nullable String location,
        @Nullable String onlineUrl,
        @Nullable Integer capacity,
        @Nullable Instant rsvpDeadline,
        String organiserId,
        @Nullable UUID communityId,
        Instant scheduledAt,
        @Nullable Boolean recordedAfterTheFact) implements GuildhallEvent {

    @Override
    public String aggregateId() {
        return eventId.toString();
    }
}
