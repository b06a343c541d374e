package io.guildhall.gateway.portal.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The caller's own answer to an event ({@code GET /api/events/{id}/rsvp}): GOING, WAITLISTED or NOT_GOING. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RsvpAnswer(String status, Integer position, java.time.Instant offerExpiresAt) {

    public RsvpAnswer(String status, Integer position) {
        this(status, position, null);
    }
}
