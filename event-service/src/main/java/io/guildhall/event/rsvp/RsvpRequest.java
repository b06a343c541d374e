package io.guildhall.event.rsvp;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;

/** Body of {@code PUT /api/events/{id}/rsvp}; always the caller's own answer. */
public record RsvpRequest(
        @NotNull @Schema(allowableValues = {"GOING", "NOT_GOING"}) Answer status,
        @Schema(description = "Optional; if given it must be the caller's own id: nobody answers for someone else")
        String personId) {

    public enum Answer {
        GOING,
        NOT_GOING
    }
}
