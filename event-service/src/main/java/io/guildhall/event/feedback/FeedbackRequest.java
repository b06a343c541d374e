package io.guildhall.event.feedback;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** An attendee's rating and optional comment. */
public record FeedbackRequest(
        @Schema(description = "1 (poor) to 5 (excellent)") @NotNull @Min(1) @Max(5) Integer rating,
        @Schema(description = "Optional; shown to the organiser and the community's leads without a name")
        @Size(max = 2000) String comment) {
}
