package io.guildhall.event.feedback;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the organiser and the community's leads read: never a name, nothing at all but the count under 5 answers. */
public record FeedbackSummary(
        UUID eventId,
        long count,
        @Schema(description = "True under 5 answers: then only the count is shown") boolean suppressed,
        @Schema(nullable = true, description = "Mean rating, two decimals") Double mean,
        @Schema(nullable = true, description = "How many gave each rating, 1 to 5") Map<Integer, Integer> distribution,
        @Schema(nullable = true, description = "The comments, without names, sorted by their text") List<String> comments) {
}
