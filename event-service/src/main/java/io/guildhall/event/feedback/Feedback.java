package io.guildhall.event.feedback;

import java.time.Instant;
import java.util.UUID;

/** One person's feedback on one event, as stored. */
public record Feedback(UUID id, UUID eventId, String personId, int rating, String comment, Instant givenAt,
                       Instant changedAt) {
}
