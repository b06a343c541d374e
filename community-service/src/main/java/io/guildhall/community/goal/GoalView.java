package io.guildhall.community.goal;

import io.guildhall.contracts.community.GoalMetric;
import io.guildhall.contracts.community.GoalStatus;
import io.swagger.v3.oas.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A goal as the API shows it; {@code checkIns} only on the single-goal resource, newest first. */
public record GoalView(
        UUID id, UUID communityId, String title, String description, GoalMetric metric, String unit,
        BigDecimal baseline, BigDecimal target, BigDecimal currentValue,
        @Schema(description = "(current - baseline) / (target - baseline)") BigDecimal progress,
        LocalDate startDate, LocalDate dueDate, String ownerId,
        @Schema(description = "Derived; see the service README for the rules") GoalStatus status,
        String createdBy, Instant createdAt, Instant updatedAt, long version, List<CheckIn> checkIns) {

    static GoalView of(Goal g, List<CheckIn> checkIns) {
        return new GoalView(g.id(), g.communityId(), g.title(), g.description(), g.metric(), g.unit(), g.baseline(),
                g.target(), g.currentValue(), g.progress(), g.startDate(), g.dueDate(), g.ownerId(), g.status(),
                g.createdBy(), g.createdAt(), g.updatedAt(), g.version(), checkIns);
    }

    public String etag() {
        return "\"" + version + "\"";
    }
}
