package io.guildhall.event.event;

import io.guildhall.contracts.event.EventCategory;
import io.guildhall.contracts.event.EventFormat;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** An event as the API shows it: never its check-in code, never who else is going. */
public record EventView(
        UUID id,
        UUID seriesId,
        String title,
        String description,
        EventCategory type,
        EventFormat format,
        String location,
        String onlineUrl,
        Instant startsAt,
        Instant endsAt,
        String timeZone,
        Integer capacity,
        Instant rsvpDeadline,
        String organiserId,
        UUID communityId,
        EventStatus status,
        int sequence,
        long going,
        long waitlisted,
        boolean recordedAfterTheFact,
        @Schema(description = "In lists: the caller's own answer (GOING, WAITLISTED, NOT_GOING), null when none")
        String myAnswer) {

    public static EventView of(Event e, long going, long waitlisted) {
        return of(e, going, waitlisted, null);
    }

    public static EventView of(Event e, long going, long waitlisted, String myAnswer) {
        return new EventView(e.id(), e.seriesId(), e.title(), e.description(), e.type(), e.format(), e.location(),
                e.onlineUrl(), e.startsAt(), e.endsAt(), e.timeZone(), e.capacity(), e.rsvpDeadline(), e.organiserId(),
                e.communityId(), e.status(), e.sequence(), going, waitlisted, e.recordedAfterTheFact(), myAnswer);
    }
}
