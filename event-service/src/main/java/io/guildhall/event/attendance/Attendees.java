package io.guildhall.event.attendance;

import io.guildhall.contracts.event.RsvpStatus;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

/** The organiser's view of an event: the self check-in code and everyone who answered or attended. */
public record Attendees(UUID eventId, String checkInCode, List<Attendee> people) {

    public record Attendee(
            String personId,
            @Schema(nullable = true, description = "null when they attended without answering") RsvpStatus rsvp,
            @Schema(nullable = true) Integer minutes,
            boolean noShow) {
    }
}
