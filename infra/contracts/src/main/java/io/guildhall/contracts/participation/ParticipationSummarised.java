package io.guildhall.contracts.participation;

import io.guildhall.contracts.Description;
import io.guildhall.contracts.GuildhallEvent;
import io.guildhall.contracts.Maximum;
import io.guildhall.contracts.Minimum;
import io.guildhall.contracts.Pattern;

import java.time.Instant;
import java.time.LocalDate;

@Description("One department's participation in one ISO week against the target share; published by analytics-service "
        + "only for departments of at least the privacy threshold of people, never about an individual. Its ce_id is "
        + "derived from department and week: a week published again is a duplicate that consumers skip.")
public record ParticipationSummarised(
        @Description("The department, as in the people directory; also the Kafka record key and ce_subject. A person "
                + "counts in the department of their profile on each day.")
        String department,
        @Description("The ISO week summarised, e.g. 2026-W47.")
        @Pattern("^[0-9]{4}-W[0-9]{2}$") String isoWeek,
        @Description("Its Monday (ISO date, in the organisation's time zone).")
        LocalDate weekStart,
        @Description("Its Sunday (ISO date).")
        LocalDate weekEnd,
        @Description("The organisation's time zone (IANA id) that decides which day a minute belongs to.")
        String timeZone,
        @Description("People of the department with work time in the week; never fewer than the privacy threshold.")
        @Minimum(5) int peopleCounted,
        @Description("Their contracted work minutes: weekly hours x 60 x working days / 5, holidays and inactive days "
                + "excluded.")
        @Minimum(0) long workMinutes,
        @Description("Their attended and logged community minutes in the categories that count.")
        @Minimum(0) long participationMinutes,
        @Description("participationMinutes / workMinutes.")
        @Minimum(0) double share,
        @Description("The median of the people's own shares.")
        @Minimum(0) double medianShare,
        @Description("The fraction of the people whose share reached the target.")
        @Minimum(0) @Maximum(1) double shareOfPeopleAtOrAboveTarget,
        @Description("The target share of work time in force (0.17 by default).")
        @Minimum(value = 0, exclusive = true) @Maximum(1) double targetShare,
        @Description("The smallest group analytics-service publishes figures for.")
        @Minimum(5) int privacyThreshold,
        @Description("When the summary was computed (RFC 3339, UTC).")
        Instant summarisedAt) implements GuildhallEvent {

    @Override
    public String aggregateId() {
        return department;
    }
}
