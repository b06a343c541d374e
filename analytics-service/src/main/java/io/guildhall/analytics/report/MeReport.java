package io.guildhall.analytics.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The caller's own participation: only ever their own data. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record MeReport(
        String period,
        LocalDate from,
        LocalDate to,
        @Schema(description = "The last day counted: today for the current period") LocalDate countedUntil,
        double targetShare,
        @Schema(description = "Above this share participation is flagged as over-participation")
        double overParticipationShare,
        long workMinutes,
        long participationMinutes,
        @Schema(description = "participationMinutes / workMinutes; null without work time", nullable = true)
        Double share,
        @Schema(description = "NO_WORK_TIME, BELOW_TARGET, AT_OR_ABOVE_TARGET or OVER_PARTICIPATION (above what is sustainable: more than overParticipationShare)")
        String standing,
        @Schema(description = "The target in minutes for the whole period (its work time x targetShare), not only the part counted so far")
        long targetMinutes,
        @Schema(description = "targetMinutes - participationMinutes: minutes still to go this period; negative when above the target")
        long minutesToTarget,
        @Schema(description = "Minutes recorded in the period that do not count, by reason: OUTSIDE_WORKING_HOURS (outside the day's working window), NOT_A_WORKING_DAY (weekend, holiday), OVER_THE_DAYS_WORK_TIME (beyond the day's work minutes)")
        List<UncountedMinutes> uncounted,
        List<CategoryMinutes> byCategory,
        List<CommunityMinutes> byCommunity,
        List<TrendPoint> trend,
        NetworkReach networkReach,
        GiveTake giveTake) {

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record CategoryMinutes(String category, long minutes) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record UncountedMinutes(String reason, long minutes) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record CommunityMinutes(UUID communityId, String name, long minutes) {
    }

    /** Counts only: who was met is not shown, only how far one's network reaches. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(description = "The people met through co-attended events (as their profile was on the first day met) and"
            + " shared communities (as on the period's last day), and their distinct departments and levels")
    public record NetworkReach(int peopleMet, int departments, int levels, int coAttendees, int communityPeers) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(description = "Minutes given (mentoring, speaking, organising, ...) against minutes taken (attending, learning)")
    public record GiveTake(long givingMinutes, long takingMinutes,
                           @Schema(description = "giving / (giving + taking); null when both are 0", nullable = true)
                           Double givingShare) {
    }
}
