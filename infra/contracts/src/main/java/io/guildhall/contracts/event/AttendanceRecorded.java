package io.guildhall.contracts.event;

import io.guildhall.contracts.EnumValues;
import io.guildhall.contracts.GuildhallEvent;
import io.guildhall.contracts.Nullable;

import java.time.Instant;
import java.util.UUID;

/** {@code guildhall.event.attendance-recorded.v1}: a person's attendance at an event was recorded (check-in by the organiser or self check-in); minutes count as participation time. */
public record AttendanceRecorded(
        UUID eventId,
        String personId,
        @Nullable UUID communityId,
        @EnumValues(EventCategory.class) String category,
        Instant startsAt,
        Instant endsAt,
        String timeZone,
        int minutes,
        @EnumValues(CheckInMethod.class) String method,
        String recordedBy,
        Instant recordedAt,
        @Nullable Boolean recordedAfterTheFact) implements GuildhallEvent {

    @Override
    public String aggregateId() {
        return eventId.toString();
    }
}
