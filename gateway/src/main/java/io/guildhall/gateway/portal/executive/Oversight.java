package io.guildhall.gateway.portal.executive;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.LocalDate;
import java.util.List;

/**
 * The executives' oversight as its page shows it: the fields of analytics-service's {@code GET
 * /api/analytics/oversight} the page reads. Groups and communities only, never a person; a suppressed group's
 * figures are null, never 0.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Oversight(LocalDate from, LocalDate to, String groupBy, double targetShare, int privacyThreshold,
                        List<Figures> groups, Figures total, List<CommunityRank> communitiesByHoursInvested) {

    public Oversight {
        groups = groups == null ? List.of() : List.copyOf(groups);
        communitiesByHoursInvested = communitiesByHoursInvested == null ? List.of() : List.copyOf(communitiesByHoursInvested);
    }

    /** A group's figures (or everyone's, as {@link #total}); each figure null when suppressed. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Figures(String group, boolean suppressed, Integer peopleCounted, Double shareOfPeopleParticipating,
                          Double meanShare, Double medianShare, Double shareOfPeopleAtOrAboveTarget, Double totalHours,
                          List<TrendPoint> trend) {

        public Figures {
            trend = trend == null ? List.of() : List.copyOf(trend);
        }
    }

    /** One ISO week ("2026-W49"); the share is null when suppressed or without work time. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TrendPoint(String week, boolean suppressed, Double share) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CommunityRank(String name, boolean suppressed, Double hoursInvested, int goalsAchieved, int goalsAtRisk) {
    }
}
