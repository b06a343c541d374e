package io.guildhall.contracts.event;

import io.guildhall.contracts.GuildhallEvent;
import io.guildhall.contracts.Nullable;

import java.time.Instant;
import java.util.UUID;

/** {@code guildhall.event.reminder-due.v1}: an event starts in 24 hours and this person is going; for notification systems. */
public record EventReminderDue(
        UUID eventId,
        String personId,
        String title,
        Instant startsAt,
        Instant endsAt,
        String timeZone,
        @Nullable String location,
        @Nullable String onlineUrl,
        Instant dueAt) implements GuildhallEvent {

    @Override
    public String aggregateId() {
        return eventId.toString();
    }
}
