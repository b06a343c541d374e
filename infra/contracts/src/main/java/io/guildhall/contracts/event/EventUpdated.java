package io.guildhall.contracts.event;

import io.guildhall.contracts.EnumValues;
import io.guildhall.contracts.GuildhallEvent;
import io.guildhall.contracts.Nullable;

import java.time.Instant;
import java.util.UUID;

/** {@code guildhall.event.updated.v1}: an organiser edited an event's details; carries its state after the edit, not a diff. Time changes are published as rescheduled events. */
public record EventUpdated(
        UUID eventId,
        String title,
        @Nullable String description,
        @EnumValues(EventCategory.class) String category,
        @EnumValues(EventFormat.class) String format,
        @Nullable String location,
        @Nullable String onlineUrl,
        @Nullable Integer capacity,
        @Nullable Instant rsvpDeadline,
        @Nullable UUID communityId,
        int sequence,
        String updatedBy,
        Instant updatedAt) implements GuildhallEvent {

    @Override
    public String aggregateId() {
        return eventId.toString();
    }
}
