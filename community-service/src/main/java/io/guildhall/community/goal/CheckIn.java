package io.guildhall.community.goal;

import io.guildhall.contracts.community.ProgressSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One reported value of a goal; the history is never rewritten. */
public record CheckIn(UUID id, UUID goalId, BigDecimal value, LocalDate asOf, String comment, ProgressSource source,
                      String authorId, Instant reportedAt) {
}
