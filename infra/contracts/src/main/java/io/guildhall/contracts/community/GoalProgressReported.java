package io.guildhall.contracts.community;

import io.guildhall.contracts.EnumValues;
import io.guildhall.contracts.GuildhallEvent;
import io.guildhall.contracts.Nullable;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * {@code guildhall.community.goal-progress-reported.v1}: a goal's measured value as of a date, from a lead's
 * check-in or derived from event evidence. {@code value} is the metric's level, not an increment.
 */
public record GoalProgressReported(
        UUID communityId,
        UUID goalId,
        UUID checkInId,
        BigDecimal value,
        LocalDate asOf,
        @Nullable String comment,
        @EnumValues(ProgressSource.class) String source,
        @Nullable String reportedBy,
        Instant reportedAt) implements GuildhallEvent {

    @Override
    public String aggregateId() {
        return communityId.toString();
    }
}
