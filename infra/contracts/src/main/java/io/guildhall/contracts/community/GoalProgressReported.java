package io.guildhall.contracts.community;

import io.guildhall.contracts.Description;
import io.guildhall.contracts.EnumValues;
import io.guildhall.contracts.GuildhallEvent;
import io.guildhall.contracts.Nullable;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

@Description("A goal's measured value as of a date, from a lead's check-in or derived from event evidence. value is the "
        + "metric's level, not an increment.")
public record GoalProgressReported(
        @Description("The community; also the Kafka record key and ce_subject.")
        UUID communityId,
        @Description("The goal.")
        UUID goalId,
        @Description("The check-in this progress was recorded as (evidence-derived progress is recorded as a check-in "
                + "without author).")
        UUID checkInId,
        @Description("The metric's value as of asOf.")
        BigDecimal value,
        @Description("The day the value refers to (ISO date).")
        LocalDate asOf,
        @Description("The lead's comment, if any.")
        @Nullable String comment,
        @Description("CHECK_IN: a lead reported it; EVENT_EVIDENCE: derived from the event service's events.")
        @EnumValues(ProgressSource.class) String source,
        @Description("The lead who checked in; null for EVENT_EVIDENCE (Keycloak user id, the token's sub).")
        @Nullable String reportedBy,
        @Description("When the progress was recorded (RFC 3339, UTC).")
        Instant reportedAt) implements GuildhallEvent {

    @Override
    public String aggregateId() {
        return communityId.toString();
    }
}
