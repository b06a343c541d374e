package io.guildhall.analytics.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/** One group of the oversight breakdown; every figure is null (never 0) when the group is suppressed. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(description = "A group's participation; figures are null when suppressed")
public record GroupFigures(
        String group,
        @Schema(description = "Fewer than the privacy threshold of people, or hidden so that no subtraction reveals such a group")
        boolean suppressed,
        @Schema(description = "People with work time in the group during the period", nullable = true)
        Integer peopleCounted,
        @Schema(description = "Fraction of the people with any counted participation in the period", nullable = true)
        Double shareOfPeopleParticipating,
        @Schema(description = "Mean of the people's shares (participation minutes / work minutes)", nullable = true)
        Double meanShare,
        @Schema(description = "Median of the people's shares (participation minutes / work minutes)", nullable = true)
        Double medianShare,
        @Schema(description = "Fraction of the people at or above the target share", nullable = true)
        Double shareOfPeopleAtOrAboveTarget,
        @Schema(description = "Fraction of the people far above the target (over-participation)", nullable = true)
        Double shareOfPeopleOverParticipating,
        @Schema(description = "Participation hours in counted categories", nullable = true)
        Double totalHours,
        @Schema(description = "The people's work minutes in the group", nullable = true)
        Long workMinutes,
        @Schema(description = "The people's participation minutes in counted categories", nullable = true)
        Long participationMinutes,
        @Schema(description = "Per ISO week: the group's participation minutes over its work minutes")
        List<TrendPoint> trend) {

    public static GroupFigures suppressed(String group, List<TrendPoint> trend) {
        return new GroupFigures(group, true, null, null, null, null, null, null, null, null, null, trend);
    }
}
