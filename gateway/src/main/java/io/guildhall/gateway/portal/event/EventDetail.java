package io.guildhall.gateway.portal.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.UUID;

/**
 * An event as the event page shows it: the fields of event-service's {@code GET /api/events/{id}} the page reads
 * (its type, format and status as the API spells them; counts of people going and waiting, never who).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EventDetail(UUID id, UUID seriesId, String title, String description, String type, String format,
                          String location, String onlineUrl, Instant startsAt, Instant endsAt, String timeZone,
                          Integer capacity, Instant rsvpDeadline, String organiserId, UUID communityId, String status,
                          long going, long waitlisted) {

    public boolean isScheduled() {
        return "SCHEDULED".equals(status);
    }

    public boolean isCancelled() {
        return "CANCELLED".equals(status);
    }
}
