package io.guildhall.analytics.summary;

import io.guildhall.analytics.participation.Period;
import io.guildhall.analytics.report.GroupBy;
import io.guildhall.analytics.report.GroupFigures;
import io.guildhall.analytics.report.Oversight;
import io.guildhall.analytics.report.OversightReport;
import io.guildhall.analytics.settings.AnalyticsSettings;
import io.guildhall.contracts.participation.ParticipationSummarised;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The week's {@link ParticipationSummarised} per department: the oversight figures by department, with its
 * suppression (small departments and the ones that would reveal them are left out) and without "(unassigned)",
 * which is no department.
 */
@Singleton
public class WeeklySummaries {

    private final Oversight oversight;
    private final AnalyticsSettings settings;

    public WeeklySummaries(Oversight oversight, AnalyticsSettings settings) {
        this.oversight = oversight;
        this.settings = settings;
    }

    /** @param week a whole ISO week that has ended */
    public List<ParticipationSummarised> of(Period week, LocalDate today, Instant now) {
        OversightReport report = oversight.report(week, GroupBy.DEPARTMENT, today);
        String isoWeek = Period.isoWeekLabel(week.start());
        return report.groups().stream()
                .filter(group -> !group.suppressed() && !GroupBy.UNASSIGNED.equals(group.group()))
                .map(group -> summary(group, isoWeek, week, report, now))
                .toList();
    }

    private ParticipationSummarised summary(GroupFigures group, String isoWeek, Period week, OversightReport report,
                                            Instant now) {
        long work = group.workMinutes();
        long participation = group.participationMinutes();
        return new ParticipationSummarised(group.group(), isoWeek, week.start(), week.end(), settings.zone().getId(),
                group.peopleCounted(), work, participation, work == 0 ? 0 : (double) participation / work,
                group.medianShare(), group.shareOfPeopleAtOrAboveTarget(), report.targetShare(),
                report.privacyThreshold(), now);
    }
}
