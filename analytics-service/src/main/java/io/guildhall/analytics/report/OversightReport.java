package io.guildhall.analytics.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/** Executive oversight: groups of people and communities, never an individual. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record OversightReport(
        String period,
        LocalDate from,
        LocalDate to,
        @Schema(description = "The last day counted: today for the current period") LocalDate countedUntil,
        String groupBy,
        double targetShare,
        int privacyThreshold,
        List<GroupFigures> groups,
        @Schema(description = "Everyone counted, all groups together") GroupFigures total,
        @Schema(description = "Visible hours first, most hours first; suppressed communities after, by name")
        List<CommunityRank> communitiesByHoursInvested,
        @Schema(description = "Most goals achieved first")
        List<CommunityRank> communitiesByGoalsDelivered) {
}
