package io.guildhall.event.rsvp;

import io.guildhall.contracts.event.RsvpStatus;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.UUID;

/**
 * The caller's answer to an event; {@code position} is their place on the waitlist (1 = next), else null;
 * {@code offerExpiresAt} until when a seat offered to them is theirs to take (PUT GOING), else null.
 */
public record RsvpView(UUID eventId, String personId, RsvpStatus status,
                       @Schema(nullable = true) Integer position,
                       @Schema(nullable = true, description = "A freed seat is offered to you until then: answer GOING to take it")
                       java.time.Instant offerExpiresAt) {

    public RsvpView(UUID eventId, String personId, RsvpStatus status, Integer position) {
        this(eventId, personId, status, position, null);
    }
}
