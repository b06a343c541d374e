package io.guildhall.contracts.community;

import io.guildhall.contracts.EnumValues;
import io.guildhall.contracts.GuildhallEvent;
import io.guildhall.contracts.Nullable;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * {@code guildhall.community.goal-updated.v1}: a lead edited a goal. Carries the goal's definition after the edit
 * (not a diff); a resulting status change arrives separately as {@link GoalStatusChanged}.
 */
public record GoalUpdated(
        UUID communityId,
        UUID goalId,
        String title,
        @Nullable String description,
        @EnumValues(GoalMetric.class) String metric,
        @Nullable String unit,
        BigDecimal baseline,
        BigDecimal target,
        LocalDate dueDate,
        String ownerId,
        String updatedBy,
        Instant updatedAt) implements GuildhallEvent {

    @Override
    public String aggregateId() {
        return communityId.toString();
    }
}
