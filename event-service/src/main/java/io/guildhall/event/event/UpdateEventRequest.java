package io.guildhall.event.event;

import io.guildhall.contracts.event.EventCategory;
import io.guildhall.contracts.event.EventFormat;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.time.Instant;

/**
 * Body of {@code PATCH /api/events/{id}}: every field is optional and an absent (or null) field stays as it is.
 * A new start or end reschedules the event; the other fields update it. The community cannot change.
 */
public record UpdateEventRequest(
        @Size(min = 1, max = 200) String title,
        @Size(max = 5000) String description,
        EventCategory type,
        EventFormat format,
        Instant startsAt,
        Instant endsAt,
        @Size(max = 64) String timeZone,
        @Positive Integer capacity,
        Instant rsvpDeadline,
        @Size(max = 500) String location,
        @Size(max = 2000) String onlineUrl,
        @Min(0) @Max(168) Integer waitlistOfferHours) {

    /** The edit for the domain. */
    public EventChange change() {
        return new EventChange(title, description, type, format, startsAt, endsAt, timeZone, capacity, rsvpDeadline,
                location, onlineUrl);
    }
}
