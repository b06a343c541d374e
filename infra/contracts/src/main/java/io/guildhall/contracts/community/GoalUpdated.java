package io.guildhall.contracts.community;

import io.guildhall.contracts.Description;
import io.guildhall.contracts.EnumValues;
import io.guildhall.contracts.GuildhallEvent;
import io.guildhall.contracts.Nullable;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

@Description("A lead edited a goal. Carries the goal's definition after the edit, not a diff; a resulting status change "
        + "arrives as a goal-status-changed event.")
public record GoalUpdated(
        @Description("The community; also the Kafka record key and ce_subject.")
        UUID communityId,
        @Description("The goal.")
        UUID goalId,
        @Description("Short title of the goal.")
        String title,
        @Description("Longer explanation, if given.")
        @Nullable String description,
        @Description("What the goal measures. SESSIONS_HELD, UNIQUE_ATTENDEES and HOURS_INVESTED progress from event "
                + "evidence; CUSTOM from check-ins.")
        @EnumValues(GoalMetric.class) String metric,
        @Description("Unit of a CUSTOM metric, e.g. talks given; null for the other metrics, whose unit is implied.")
        @Nullable String unit,
        @Description("The metric's value when the goal was set.")
        BigDecimal baseline,
        @Description("The value that achieves the goal; never equal to the baseline.")
        BigDecimal target,
        @Description("Last day to reach the target (ISO date).")
        LocalDate dueDate,
        @Description("The lead accountable for the goal (Keycloak user id, the token's sub).")
        String ownerId,
        @Description("The lead who made the edit (Keycloak user id, the token's sub).")
        String updatedBy,
        @Description("When the edit happened (RFC 3339, UTC).")
        Instant updatedAt) implements GuildhallEvent {

    @Override
    public String aggregateId() {
        return communityId.toString();
    }
}
