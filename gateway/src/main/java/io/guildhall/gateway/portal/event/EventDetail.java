package io.guildhall.gateway.portal.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.UUID;

/**
 * An event as the event page shows it: the fields of event-service's {@code GET /api/events/{id}} the page reads
 * (its type, format and status as the API spells them; counts of people going and waiting, never who; in lists,
 * the viewer's own answer).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EventDetail(UUID id, UUID seriesId, String title, String description, String type, String format,
                          String location, String onlineUrl, Instant startsAt, Instant endsAt, String timeZone,
                          Integer capacity, Instant rsvpDeadline, String organiserId, UUID communityId, String status,
                          long going, long waitlisted, String myAnswer, boolean coOrganising, long offered,
                          int waitlistOfferHours) {

    /** An event as most pages build it: no seat held for an offer. */
    public EventDetail(UUID id, UUID seriesId, String title, String description, String type, String format,
                       String location, String onlineUrl, Instant startsAt, Instant endsAt, String timeZone,
                       Integer capacity, Instant rsvpDeadline, String organiserId, UUID communityId, String status,
                       long going, long waitlisted, String myAnswer, boolean coOrganising) {
        this(id, seriesId, title, description, type, format, location, onlineUrl, startsAt, endsAt, timeZone, capacity,
                rsvpDeadline, organiserId, communityId, status, going, waitlisted, myAnswer, coOrganising, 0, 0);
    }

    /** An event with the viewer's own answer, not co-organised by them. */
    public EventDetail(UUID id, UUID seriesId, String title, String description, String type, String format,
                       String location, String onlineUrl, Instant startsAt, Instant endsAt, String timeZone,
                       Integer capacity, Instant rsvpDeadline, String organiserId, UUID communityId, String status,
                       long going, long waitlisted, String myAnswer) {
        this(id, seriesId, title, description, type, format, location, onlineUrl, startsAt, endsAt, timeZone, capacity,
                rsvpDeadline, organiserId, communityId, status, going, waitlisted, myAnswer, false);
    }

    /** An event as other pages built it before lists carried the viewer's own answer. */
    public EventDetail(UUID id, UUID seriesId, String title, String description, String type, String format,
                       String location, String onlineUrl, Instant startsAt, Instant endsAt, String timeZone,
                       Integer capacity, Instant rsvpDeadline, String organiserId, UUID communityId, String status,
                       long going, long waitlisted) {
        this(id, seriesId, title, description, type, format, location, onlineUrl, startsAt, endsAt, timeZone, capacity,
                rsvpDeadline, organiserId, communityId, status, going, waitlisted, null, false);
    }

    /** Seats still free (a seat offered to someone waiting is not); null when there is no limit. */
    public Long seatsLeft() {
        return capacity == null ? null : Math.max(0, capacity - going - offered);
    }

    /** Where, for a list: the room, "Online", or both. */
    public String where() {
        boolean online = "ONLINE".equals(format) || "HYBRID".equals(format);
        if (location == null || location.isBlank()) {
            return online ? "Online" : "";
        }
        return "HYBRID".equals(format) ? location + " and online" : location;
    }

    public boolean isScheduled() {
        return "SCHEDULED".equals(status);
    }

    public boolean isCancelled() {
        return "CANCELLED".equals(status);
    }
}
