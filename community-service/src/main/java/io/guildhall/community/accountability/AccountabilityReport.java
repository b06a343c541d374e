package io.guildhall.community.accountability;

import io.guildhall.contracts.community.GoalMetric;
import io.guildhall.contracts.community.GoalStatus;
import io.guildhall.contracts.community.ProgressSource;
import io.swagger.v3.oas.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** How a community's leads have done on its goals over a period. */
public record AccountabilityReport(
        UUID communityId,
        String communityName,
        LocalDate from,
        LocalDate to,
        @Schema(description = "Weeks without a check-in after which an open goal's owner is flagged") int staleAfterWeeks,
        @Schema(description = "Goals per current status") Map<GoalStatus, Long> goalsByStatus,
        @Schema(description = "Progress reports in the period by where they came from") Map<ProgressSource, Long> evidence,
        List<GoalLine> goals,
        @Schema(description = "Owners of open goals who have not checked in for staleAfterWeeks or more") List<Flag> flags) {

    public record GoalLine(
            UUID goalId, String title, GoalMetric metric, String unit, String ownerId,
            @Schema(description = "Current derived status") GoalStatus status,
            BigDecimal baseline, BigDecimal target, LocalDate dueDate,
            @Schema(description = "Level at the start of the period (baseline when nothing was reported before)") BigDecimal valueAtStart,
            @Schema(description = "Level at the end of the period") BigDecimal valueAtEnd,
            @Schema(description = "Share of the way to the target covered during the period") BigDecimal progressInPeriod,
            @Schema(description = "IMPROVING, FLAT or DECLINING over the period, towards the target") Trend trend,
            @Schema(description = "Reported levels in the period, oldest first") List<Point> trajectory,
            long checkInsInPeriod,
            long evidenceInPeriod,
            @Schema(description = "Last check-in by a person up to the end of the period, if any") LocalDate lastCheckIn,
            boolean checkInOverdue,
            @Schema(description = "For goals measured from events (SESSIONS_HELD, UNIQUE_ATTENDEES, HOURS_INVESTED): the sessions held in the goal's window that count as its evidence, newest first; empty for other goals")
            List<Session> sessions) {
    }

    public record Session(UUID eventId, java.time.Instant startsAt, long attendees) {
    }

    public record Point(LocalDate asOf, BigDecimal value, ProgressSource source) {
    }

    public record Flag(UUID goalId, String title, String ownerId, LocalDate lastCheckIn, long weeksWithoutCheckIn) {
    }

    public enum Trend {
        IMPROVING, FLAT, DECLINING
    }
}
