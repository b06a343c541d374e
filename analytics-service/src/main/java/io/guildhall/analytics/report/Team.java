package io.guildhall.analytics.report;

import io.guildhall.analytics.participation.Minutes;
import io.guildhall.analytics.participation.ParticipationRules;
import io.guildhall.analytics.participation.Period;
import io.guildhall.analytics.participation.PersonPeriod;
import io.guildhall.analytics.participation.ProfileHistory;
import io.guildhall.analytics.privacy.Suppression;
import io.guildhall.analytics.settings.AnalyticsSettings;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The managers' view (issue 17): a person's direct reports (the directory's managerId as it stood at the end of the
 * period) as one group, their counted minutes summed like any group's, against the target; suppressed under the
 * privacy threshold of people, and never an individual.
 */
@Singleton
public class Team {

    private final ReadModel readModel;
    private final AnalyticsSettings settings;
    private final TransactionOperations<Connection> transactions;

    public Team(ReadModel readModel, AnalyticsSettings settings, TransactionOperations<Connection> transactions) {
        this.readModel = readModel;
        this.settings = settings;
        this.transactions = transactions;
    }

    /** Whether anyone reports to {@code managerId} now (only those have a team view). */
    public boolean hasReports(String managerId, LocalDate today) {
        return transactions.executeRead(status -> !readModel.directReports(status.getConnection(), managerId, today).isEmpty());
    }

    public TeamReport report(String managerId, Period period, LocalDate today) {
        return transactions.executeRead(status -> report(status.getConnection(), managerId, period, today));
    }

    private TeamReport report(Connection connection, String managerId, Period period, LocalDate today) throws SQLException {
        ParticipationRules rules = settings.rules();
        Suppression suppression = new Suppression(settings.getPrivacyThreshold());
        Period counted = period.elapsedBy(today);
        Set<String> team = new HashSet<>(readModel.directReports(connection, managerId, counted.end()));
        if (!suppression.shows(team)) {
            return new TeamReport(period.label(), period.start(), period.end(), counted.end(), rules.targetShare(),
                    suppression.threshold(), team.size(), true, null, null, null, null, List.of(), List.of());
        }
        Map<String, ProfileHistory> profiles = readModel.profilesOf(connection, team);
        Map<String, List<io.guildhall.analytics.participation.LedgerEntry>> ledgers = new java.util.HashMap<>();
        readModel.ledgerOfPeople(connection, team, counted).forEach(entry -> ledgers
                .computeIfAbsent(entry.personId(), id -> new ArrayList<>()).add(entry));
        List<Period> weeks = counted.weeks();
        Minutes total = Minutes.NONE;
        Minutes[] byWeek = new Minutes[weeks.size()];
        java.util.Arrays.fill(byWeek, Minutes.NONE);
        Map<String, Long> byCategory = new TreeMap<>();
        int atTarget = 0;
        for (String person : team) {
            PersonPeriod theirs = PersonPeriod.of(person, profiles.getOrDefault(person, new ProfileHistory(List.of())),
                    ledgers.getOrDefault(person, List.of()), counted, rules);
            total = total.plus(theirs.minutes());
            for (int w = 0; w < weeks.size(); w++) {
                byWeek[w] = byWeek[w].plus(theirs.minutesIn(weeks.get(w)));
            }
            theirs.minutesByCategory().forEach((category, minutes) -> byCategory.merge(category, minutes, Long::sum));
            Double share = theirs.share().value();
            if (share != null && share >= rules.targetShare()) {
                atTarget++;
            }
        }
        List<TrendPoint> trend = new ArrayList<>();
        for (int w = 0; w < weeks.size(); w++) {
            trend.add(new TrendPoint(Period.isoWeekLabel(weeks.get(w).start()), false, byWeek[w].share(rules).value()));
        }
        List<MeReport.CategoryMinutes> categories = new ArrayList<>();
        byCategory.forEach((category, minutes) -> categories.add(new MeReport.CategoryMinutes(category, minutes)));
        return new TeamReport(period.label(), period.start(), period.end(), counted.end(), rules.targetShare(),
                suppression.threshold(), team.size(), false, total.work(), total.participation(),
                total.share(rules).value(), atTarget, trend, categories);
    }
}
