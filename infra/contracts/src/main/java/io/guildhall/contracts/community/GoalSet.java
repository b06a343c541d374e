package io.guildhall.contracts.community;

import io.guildhall.contracts.EnumValues;
import io.guildhall.contracts.GuildhallEvent;
import io.guildhall.contracts.Nullable;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * {@code guildhall.community.goal-set.v1}: a lead set a measurable goal for the community. {@code status} is the
 * goal's initial derived status; later changes arrive as {@link GoalStatusChanged}.
 */
public record GoalSet(
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
        @EnumValues(GoalStatus.class) String status,
        String setBy,
        Instant setAt) implements GuildhallEvent {

    @Override
    public String aggregateId() {
        return communityId.toString();
    }
}
