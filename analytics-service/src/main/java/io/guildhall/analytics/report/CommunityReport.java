package io.guildhall.analytics.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A community's health for its leads and executives: aggregates only, suppressed over too few people. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record CommunityReport(
        UUID communityId,
        String name,
        String period,
        LocalDate from,
        LocalDate to,
        LocalDate countedUntil,
        int privacyThreshold,
        @Schema(description = "Members at any time during the period") int members,
        @Schema(description = "Members who spent time in the community during the period") int activeMembers,
        @Schema(description = "People who spent time in the community (members or not)") int contributors,
        @Schema(description = "Fewer than the threshold of contributors: hoursInvested is null")
        boolean hoursSuppressed,
        @Schema(nullable = true) Double hoursInvested,
        @Schema(description = "Events of the community that took place in the period") int eventsHeld,
        @Schema(description = "Fewer than the threshold of people said they would come: the rates are null")
        boolean attendanceSuppressed,
        @Schema(description = "Checked-in RSVPs / RSVPs going, over the events held", nullable = true)
        Double attendanceRate,
        @Schema(description = "No-shows / RSVPs going, over the events held", nullable = true)
        Double noShowRate,
        Map<String, Integer> goalsByStatus,
        Health health,
        @Schema(description = "New and returning attendees; core and peripheral members of the quarter")
        NewAndReturning newAndReturning) {

    /** A 0-100 score: the mean of the inputs that are available, each shown with its value. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Health(@Schema(nullable = true) Integer score, List<HealthInput> inputs) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record HealthInput(String name, @Schema(nullable = true) Double value, boolean used, String meaning) {
    }
}
