package io.guildhall.event.rsvp;

import io.guildhall.contracts.event.RsvpStatus;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.UUID;

/** The caller's answer to an event; {@code position} is their place on the waitlist (1 = next), else null. */
public record RsvpView(UUID eventId, String personId, RsvpStatus status,
                       @Schema(nullable = true) Integer position) {
}
