package io.guildhall.contracts.event;

import io.guildhall.contracts.GuildhallEvent;
import io.guildhall.contracts.Nullable;

import java.time.Instant;
import java.util.UUID;

/** {@code guildhall.event.rescheduled.v1}: an organiser moved an event to another time; attendees should be told. */
public record EventRescheduled(
        UUID eventId,
        Instant previousStartsAt,
        Instant previousEndsAt,
        Instant startsAt,
        Instant endsAt,
        String timeZone,
        @Nullable UUID communityId,
        int sequence,
        String rescheduledBy,
        Instant rescheduledAt) implements GuildhallEvent {

    @Override
    public String aggregateId() {
        return eventId.toString();
    }
}
