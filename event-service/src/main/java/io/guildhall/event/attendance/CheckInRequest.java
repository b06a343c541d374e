package io.guildhall.event.attendance;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/events/{id}/check-ins}: either {@code personId} (+ optional {@code minutes}) from the
 * organiser, or {@code code} from attendees checking themselves in.
 */
public record CheckInRequest(
        @Size(max = 100) @Schema(description = "The attendee (organiser check-in)") String personId,
        @Schema(description = "Attended minutes, 1..event length; default the whole event") Integer minutes,
        @Size(max = 20) @Schema(description = "The event's check-in code (self check-in)") String code) {
}
