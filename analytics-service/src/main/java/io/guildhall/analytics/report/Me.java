package io.guildhall.analytics.report;

import io.guildhall.analytics.participation.ParticipationRules;
import io.guildhall.analytics.participation.Period;
import io.guildhall.analytics.participation.PersonPeriod;
import io.guildhall.analytics.participation.ProfileHistory;
import io.guildhall.analytics.participation.Share;
import io.guildhall.analytics.participation.WorkTime;
import io.guildhall.analytics.settings.AnalyticsSettings;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The "me" report: the caller's share, breakdowns, trend, network reach and give/take balance. */
@Singleton
public class Me {

    private final ReadModel readModel;
    private final AnalyticsSettings settings;
    private final TransactionOperations<Connection> transactions;

    public Me(ReadModel readModel, AnalyticsSettings settings, TransactionOperations<Connection> transactions) {
        this.readModel = readModel;
        this.settings = settings;
        this.transactions = transactions;
    }

    public MeReport report(String personId, Period period, LocalDate today) {
        return transactions.executeRead(status -> report(status.getConnection(), personId, period, today));
    }

    private MeReport report(Connection connection, String personId, Period period, LocalDate today)
            throws SQLException {
        ParticipationRules rules = settings.rules();
        Period counted = period.elapsedBy(today);
        ProfileHistory profile = readModel.profile(connection, personId);
        PersonPeriod me = PersonPeriod.of(personId, profile, readModel.ledgerOf(connection, personId, counted), counted,
                rules);
        Share share = me.share();
        Map<UUID, String> names = readModel.communityNames(connection);

        List<MeReport.CategoryMinutes> categories = new ArrayList<>();
        me.minutesByCategory().forEach((category, minutes) -> categories.add(new MeReport.CategoryMinutes(category,
                minutes)));
        List<MeReport.CommunityMinutes> communities = new ArrayList<>();
        me.minutesByCommunity().forEach((id, minutes) -> communities.add(new MeReport.CommunityMinutes(id,
                names.get(id), minutes)));
        List<TrendPoint> trend = counted.weeks().stream().map(week -> new TrendPoint(
                Period.isoWeekLabel(week.start()), false, me.minutesIn(week).share(rules).value())).toList();
        long targetMinutes = Math.round(WorkTime.minutes(profile, period, rules) * rules.targetShare());
        List<MeReport.UncountedMinutes> uncounted = new ArrayList<>();
        me.uncounted().forEach((reason, minutes) -> uncounted.add(new MeReport.UncountedMinutes(reason.name(),
                minutes)));
        long giving = me.givingMinutes();
        long taking = me.takingMinutes();
        return new MeReport(period.label(), period.start(), period.end(), counted.end(), rules.targetShare(),
                rules.overParticipationShare(), share.workMinutes(), share.participationMinutes(), share.value(),
                share.standing().name(), targetMinutes, targetMinutes - share.participationMinutes(), uncounted,
                categories, communities, trend, readModel.reach(connection, personId, counted),
                new MeReport.GiveTake(giving, taking, giving + taking == 0 ? null
                        : (double) giving / (giving + taking)));
    }
}
