package io.guildhall.event.event;

import io.guildhall.contracts.event.EventCategory;
import io.guildhall.contracts.event.EventFormat;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/**
 * An event as the API shows it: never its check-in code, never who else is going (that is
 * {@code GET /api/events/{id}/going}, for those inside it), and its online link only to those inside it
 * ({@link WhoSees}).
 */
public record EventView(
        UUID id,
        UUID seriesId,
        String title,
        String description,
        EventCategory type,
        EventFormat format,
        String location,
        @Schema(nullable = true, description = "Only for the people going, the organiser, co-organisers and admins; null for anyone else")
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
        @Schema(nullable = true, description = "The caller's own answer (GOING, WAITLISTED, NOT_GOING), null when none")
        String myAnswer,
        @Schema(description = "Whether the caller is one of the event's co-organisers")
        boolean coOrganising,
        @Schema(description = "Hours the first person waiting has to accept a freed seat (0: given at once)")
        int waitlistOfferHours,
        @Schema(description = "Seats held for people offered them (not counted in going or waitlisted)")
        long offered) {

    public static EventView of(Event e, long going, long waitlisted) {
        return of(e, going, waitlisted, null);
    }

    public static EventView of(Event e, long going, long waitlisted, String myAnswer) {
        return of(e, going, waitlisted, myAnswer, false);
    }

    public static EventView of(Event e, long going, long waitlisted, String myAnswer, boolean coOrganising) {
        return new EventView(e.id(), e.seriesId(), e.title(), e.description(), e.type(), e.format(), e.location(),
                e.onlineUrl(), e.startsAt(), e.endsAt(), e.timeZone(), e.capacity(), e.rsvpDeadline(), e.organiserId(),
                e.communityId(), e.status(), e.sequence(), going, waitlisted, e.recordedAfterTheFact(), myAnswer,
                coOrganising, 0, 0);
    }

    /** The same view with the event's claim window for freed seats and the seats offered now. */
    public EventView withOffers(int hours, long offeredNow) {
        return new EventView(id, seriesId, title, description, type, format, location, onlineUrl, startsAt, endsAt, timeZone,
                capacity, rsvpDeadline, organiserId, communityId, status, sequence, going, waitlisted,
                recordedAfterTheFact, myAnswer, coOrganising, hours, offeredNow);
    }

    /** This view as {@code caller} may read it: the online link only when they are inside the event. */
    public static EventView forCaller(Event e, long going, long waitlisted, String myAnswer, String caller, boolean admin,
                                      boolean coOrganiser) {
        EventView view = of(e, going, waitlisted, myAnswer, coOrganiser);
        return WhoSees.insideOf(e, caller, admin, myAnswer, coOrganiser) ? view : view.withoutOnlineUrl();
    }

    private EventView withoutOnlineUrl() {
        return new EventView(id, seriesId, title, description, type, format, location, null, startsAt, endsAt, timeZone,
                capacity, rsvpDeadline, organiserId, communityId, status, sequence, going, waitlisted,
                recordedAfterTheFact, myAnswer, coOrganising, waitlistOfferHours, offered);
    }
}
