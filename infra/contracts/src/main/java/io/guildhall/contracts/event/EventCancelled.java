package io.guildhall.contracts.event;

import io.guildhall.contracts.GuildhallEvent;
import io.guildhall.contracts.Nullable;

import java.time.Instant;
import java.util.UUID;

/** {@code guildhall.event.cancelled.v1}: an organiser cancelled an event; RSVPs lapse and attendees should be told. */
public record EventCancelled(
        UUID eventId,
        @Nullable String reason,
        @Nullable UUID communityId,
        Instant startsAt,
        int sequence,
        String cancelledBy,
        Instant cancelledAt) implements GuildhallEvent {

    @Override
    public String aggregateId() {
        return eventId.toString();
    }
}
