package io.guildhall.event.feedback;

import java.time.Instant;
import java.util.UUID;

/** The caller's own feedback, and until when they may change it. */
public record MyFeedback(UUID eventId, int rating, String comment, Instant givenAt, Instant changedAt,
                         Instant editableUntil) {
}
