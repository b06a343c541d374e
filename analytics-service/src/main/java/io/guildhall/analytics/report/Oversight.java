package io.guildhall.analytics.report;

import io.guildhall.analytics.participation.ParticipationRules;
import io.guildhall.analytics.participation.Period;
import io.guildhall.analytics.participation.ProfileHistory;
import io.guildhall.analytics.privacy.Suppression;
import io.guildhall.analytics.settings.AnalyticsSettings;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The executives' report: participation per group of people and per community, suppressed where small. */
@Singleton
public class Oversight {

    static final String EVERYONE = "(everyone)";
    private static final double MINUTES_PER_HOUR = 60.0;
    private static final Set<String> AT_RISK = Set.of("AT_RISK", "OVERDUE", "MISSED");

    private final ReadModel readModel;
    private final AnalyticsSettings settings;
    private final TransactionOperations<Connection> transactions;
    private final CountedDays countedDays;
    private final ReportSlots slots;

    public Oversight(ReadModel readModel, AnalyticsSettings settings, TransactionOperations<Connection> transactions,
                     CountedDays countedDays, ReportSlots slots) {
        this.readModel = readModel;
        this.settings = settings;
        this.transactions = transactions;
        this.countedDays = countedDays;
        this.slots = slots;
    }

    public OversightReport report(Period period, GroupBy groupBy, LocalDate today) {
        return report(period, groupBy, today, countedDays.readyFor(period.elapsedBy(today)));
    }

    /** The same report from the ledger, whatever {@link CountedDays} holds: what the tests compare it with. */
    OversightReport reportFromLedger(Period period, GroupBy groupBy, LocalDate today) {
        return report(period, groupBy, today, false);
    }

    private OversightReport report(Period period, GroupBy groupBy, LocalDate today, boolean fromCountedDays) {
        return slots.inTurn(() -> transactions.executeRead(status -> report(status.getConnection(), period, groupBy,
                today, fromCountedDays)));
    }

    private OversightReport report(Connection connection, Period period, GroupBy groupBy, LocalDate today,
                                   boolean fromCountedDays) throws SQLException {
        ParticipationRules rules = settings.rules();
        Suppression suppression = new Suppression(settings.getPrivacyThreshold());
        Period counted = period.elapsedBy(today);
        List<String> weeks = Population.weeks(counted);
        Population population = fromCountedDays ? populationFromCountedDays(connection, counted, rules)
                : population(connection, counted, rules);
        Map<UUID, String> names = readModel.communityNames(connection);
        Map<UUID, GroupAggregate> communities = population.byCommunity();
        Map<String, Map<String, GroupAggregate>> groupings = new LinkedHashMap<>();
        for (GroupBy grouping : GroupBy.values()) {
            if (grouping != GroupBy.COMMUNITY) {
                groupings.put(grouping.parameterValue(), population.byProfile(grouping));
            }
        }
        Map<String, GroupAggregate> byCommunity = new LinkedHashMap<>();
        communities.forEach((id, aggregate) -> byCommunity.put(id.toString(), aggregate));
        groupings.put(GroupBy.COMMUNITY.parameterValue(), byCommunity);
        Map<String, Breakdown.Result> breakdowns = Breakdown.of(groupings, population.everyone(), weeks, suppression,
                rules, Set.of(groupBy.parameterValue()));
        Breakdown.Result communityBreakdown = breakdowns.get(GroupBy.COMMUNITY.parameterValue());

        Breakdown.Result breakdown = breakdowns.get(groupBy.parameterValue());
        List<GroupFigures> groups = groupBy == GroupBy.COMMUNITY
                ? breakdown.groups().stream().map(group -> named(group, names)).toList() : breakdown.groups();

        List<CommunityRank> ranks = ranks(communities, communityBreakdown.suppressed(), names,
                readModel.goalsByStatus(connection));
        return new OversightReport(period.label(), period.start(), period.end(), counted.end(),
                groupBy.parameterValue(), rules.targetShare(), suppression.threshold(), groups, breakdown.total(),
                byHours(ranks), byGoals(ranks));
    }

    /** Everyone with a profile, with the counted minutes {@link CountedDays} holds for them. */
    private Population populationFromCountedDays(Connection connection, Period counted, ParticipationRules rules)
            throws SQLException {
        Population population = new Population(counted, rules, readModel.allMembers(connection, counted),
                EnumSet.allOf(GroupBy.class), countedDays.communities());
        readModel.profiles(connection).forEach((person, history) -> population.addCounted(person, history,
                countedDays.of(person)));
        return population;
    }

    /** Everyone with a profile, folded in person by person as the ledger is read. */
    private Population population(Connection connection, Period counted, ParticipationRules rules)
            throws SQLException {
        Map<String, ProfileHistory> profiles = readModel.profiles(connection);
        Population population = new Population(counted, rules, readModel.allMembers(connection, counted),
                EnumSet.allOf(GroupBy.class), countedDays.communities());
        Set<String> seen = new HashSet<>();
        readModel.ledgerByPerson(connection, counted, (person, lines) -> {
            ProfileHistory history = profiles.get(person);
            if (history != null) {
                population.add(person, history, lines);
                seen.add(person);
            }
        });
        profiles.forEach((person, history) -> {
            if (!seen.contains(person)) {
                population.add(person, history, List.of());
            }
        });
        return population;
    }

    private static GroupFigures named(GroupFigures group, Map<UUID, String> names) {
        String name = names.getOrDefault(UUID.fromString(group.group()), group.group());
        return new GroupFigures(name, group.suppressed(), group.peopleCounted(), group.shareOfPeopleParticipating(),
                group.meanShare(), group.medianShare(),
                group.shareOfPeopleAtOrAboveTarget(), group.shareOfPeopleOverParticipating(), group.totalHours(),
                group.workMinutes(), group.participationMinutes(), group.trend());
    }

    private static List<CommunityRank> ranks(Map<UUID, GroupAggregate> communities, Set<String> suppressed,
                                             Map<UUID, String> names, Map<UUID, Map<String, Integer>> goals) {
        List<CommunityRank> ranks = new ArrayList<>();
        names.forEach((id, name) -> {
            GroupAggregate aggregate = communities.get(id);
            boolean hidden = aggregate == null || suppressed.contains(id.toString());
            Map<String, Integer> statuses = goals.getOrDefault(id, Map.of());
            int atRisk = statuses.entrySet().stream().filter(status -> AT_RISK.contains(status.getKey()))
                    .mapToInt(Map.Entry::getValue).sum();
            ranks.add(new CommunityRank(id, name, hidden,
                    hidden ? null : aggregate.total().participation() / MINUTES_PER_HOUR,
                    statuses.getOrDefault("ACHIEVED", 0), atRisk));
        });
        return ranks;
    }

    private static List<CommunityRank> byHours(List<CommunityRank> ranks) {
        return ranks.stream().sorted(Comparator
                .comparing(CommunityRank::suppressed)
                .thenComparing(rank -> rank.hoursInvested() == null ? 0 : -rank.hoursInvested())
                .thenComparing(CommunityRank::name)).toList();
    }

    private static List<CommunityRank> byGoals(List<CommunityRank> ranks) {
        return ranks.stream().sorted(Comparator.comparingInt(CommunityRank::goalsAchieved).reversed()
                .thenComparing(CommunityRank::goalsAtRisk).thenComparing(CommunityRank::name)).toList();
    }
}
