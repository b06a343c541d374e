package io.guildhall.analytics.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.UUID;

/** A community in the oversight rankings; hours are null when fewer than the threshold of people invested them. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record CommunityRank(
        UUID communityId,
        String name,
        boolean suppressed,
        @Schema(nullable = true) Double hoursInvested,
        int goalsAchieved,
        @Schema(description = "Goals at risk, overdue or missed: a community to look at") int goalsAtRisk) {
}
