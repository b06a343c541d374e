package io.guildhall.contracts.event;

import io.guildhall.contracts.EnumValues;
import io.guildhall.contracts.GuildhallEvent;
import io.guildhall.contracts.Nullable;

import java.time.Instant;
import java.util.UUID;

/** {@code guildhall.event.attendance-corrected.v1}: the organiser corrected a recorded attendance; replaces the minutes of the earlier record, 0 withdraws it. */
public record AttendanceCorrected(
        UUID eventId,
        String personId,
        @Nullable UUID communityId,
        @EnumValues(EventCategory.class) String category,
        Instant startsAt,
        Instant endsAt,
        String timeZone,
        int previousMinutes,
        int minutes,
        String correctedBy,
        Instant correctedAt) implements GuildhallEvent {

    @Override
    public String aggregateId() {
        return eventId.toString();
    }
}
