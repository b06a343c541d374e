package io.guildhall.analytics.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/**
 * A manager's team (their direct reports) against the target: the team's share of work time, by week and by
 * category; never anyone by name or id, and nothing but the team's size under the privacy threshold.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record TeamReport(
        String period,
        LocalDate from,
        LocalDate to,
        LocalDate countedUntil,
        double targetShare,
        int privacyThreshold,
        @Schema(description = "Direct reports at the end of the period") int teamSize,
        @Schema(description = "Fewer people than the threshold: every figure below is null or empty") boolean suppressed,
        @Schema(nullable = true) Long workMinutes,
        @Schema(nullable = true) Long participationMinutes,
        @Schema(nullable = true, description = "participationMinutes / workMinutes of the whole team") Double share,
        @Schema(nullable = true, description = "How many of the team reached the target (a count, never who)") Integer atOrAboveTarget,
        List<TrendPoint> byWeek,
        List<MeReport.CategoryMinutes> byCategory) {
}
