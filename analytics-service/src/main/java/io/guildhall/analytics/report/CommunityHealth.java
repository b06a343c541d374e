package io.guildhall.analytics.report;

import io.guildhall.analytics.feedback.FeedbackStore;
import io.guildhall.analytics.participation.LedgerEntry;
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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The community report: members, activity, hours, events, attendance, goals and a health score. */
@Singleton
public class CommunityHealth {

    private static final double MINUTES_PER_HOUR = 60.0;
    private static final Set<String> HEALTHY_GOALS = Set.of("ON_TRACK", "ACHIEVED");

    private final ReadModel readModel;
    private final AnalyticsSettings settings;
    private final TransactionOperations<Connection> transactions;
    private final CountedDays countedDays;
    private final ReportSlots slots;
    private final FeedbackStore feedback;

    public CommunityHealth(ReadModel readModel, AnalyticsSettings settings,
                           TransactionOperations<Connection> transactions, CountedDays countedDays,
                           ReportSlots slots, FeedbackStore feedback) {
        this.feedback = feedback;
        this.readModel = readModel;
        this.settings = settings;
        this.transactions = transactions;
        this.countedDays = countedDays;
        this.slots = slots;
    }

    public Optional<String> name(UUID communityId) {
        return transactions.executeRead(status -> readModel.communityName(status.getConnection(), communityId));
    }

    public boolean isLead(UUID communityId, String personId) {
        return transactions.executeRead(status -> readModel.leads(status.getConnection(), communityId, personId));
    }

    public CommunityReport report(UUID communityId, String name, Period period, LocalDate today) {
        return report(communityId, name, period, today, countedDays.readyFor(period.elapsedBy(today)));
    }

    /** The same report from the ledger, whatever {@link CountedDays} holds: what the tests compare it with. */
    CommunityReport reportFromLedger(UUID communityId, String name, Period period, LocalDate today) {
        return report(communityId, name, period, today, false);
    }

    private CommunityReport report(UUID communityId, String name, Period period, LocalDate today,
                                   boolean fromCountedDays) {
        return slots.inTurn(() -> transactions.executeRead(status -> report(status.getConnection(), communityId, name,
                period, today, fromCountedDays)));
    }

    private CommunityReport report(Connection connection, UUID communityId, String name, Period period,
                                   LocalDate today, boolean fromCountedDays) throws SQLException {
        ParticipationRules rules = settings.rules();
        Suppression suppression = new Suppression(settings.getPrivacyThreshold());
        Period counted = period.elapsedBy(today);

        Set<String> members = new HashSet<>(readModel.members(connection, communityId, counted));
        Map<String, Long> contributions = fromCountedDays ? countedDays.minutesIn(communityId, counted)
                : minutesInFromLedger(connection, communityId, counted, rules);
        Set<String> contributors = new HashSet<>(contributions.keySet());
        long minutes = contributions.values().stream().mapToLong(Long::longValue).sum();
        Set<String> active = new HashSet<>(contributors);
        active.retainAll(members);
        boolean hoursShown = suppression.shows(contributors);

        List<UUID> events = readModel.eventsHeld(connection, communityId, counted, rules.zone().getId());
        List<ReadModel.RsvpLine> going = readModel.goingRsvps(connection, events);
        Set<String> attended = new HashSet<>();
        readModel.attendances(connection, events).forEach(line -> attended.add(line.eventId() + "/" + line.personId()));
        Set<String> rsvpPeople = new HashSet<>();
        going.forEach(line -> rsvpPeople.add(line.personId()));
        boolean attendanceShown = suppression.shows(rsvpPeople);
        Double attendanceRate = null;
        Double noShowRate = null;
        if (attendanceShown) {
            long came = going.stream().filter(line -> attended.contains(line.eventId() + "/" + line.personId()))
                    .count();
            attendanceRate = (double) came / going.size();
            noShowRate = (double) going.stream().filter(ReadModel.RsvpLine::noShow).count() / going.size();
        }
        Map<String, Integer> goals = readModel.goalsByStatus(connection).getOrDefault(communityId, Map.of());

        // The mean rating of its events held in the period: a health input from as many ratings as the privacy
        // threshold, so that no few people's ratings can be read off the score.
        List<Integer> ratings = feedback.ratings(connection, events);
        Double satisfaction = ratings.size() < suppression.threshold() ? null
                : (ratings.stream().mapToInt(Integer::intValue).average().orElseThrow() - 1) / 4.0;
        CommunityReport.Health health = health(members.size(), active.size(), attendanceRate, goals, events.size(),
                counted.weeks().size(), satisfaction);
        return new CommunityReport(communityId, name, period.label(), period.start(), period.end(), counted.end(),
                suppression.threshold(), members.size(), active.size(), contributors.size(), !hoursShown,
                hoursShown ? minutes / MINUTES_PER_HOUR : null, events.size(), !attendanceShown, attendanceRate,
                noShowRate, goals, health, NewAndReturning.of(readModel.attendanceHistory(connection, communityId,
                        NewAndReturning.quarterStart(counted.end()).plusMonths(3).minusDays(1), rules.zone().getId()),
                        counted, suppression));
    }

    /** An event's attendees, new to its community or returning (null when analytics knows no community for it). */
    public Optional<Map.Entry<UUID, NewAndReturning>> attendanceMix(UUID eventId) {
        return transactions.executeRead(status -> {
            Connection connection = status.getConnection();
            Optional<UUID> community = readModel.communityOfEvent(connection, eventId);
            if (community.isEmpty()) {
                return Optional.empty();
            }
            List<NewAndReturning.Attended> history = readModel.attendanceHistory(connection, community.get(),
                    LocalDate.now(settings.rules().zone()), settings.rules().zone().getId());
            return Optional.of(Map.entry(community.get(), NewAndReturning.ofEvent(history, eventId,
                    new Suppression(settings.getPrivacyThreshold()))));
        });
    }

    /**
     * Counted minutes in this community per contributor from the ledger: each contributor's days split and capped
     * with all their other participation (rules 4 and 5), then the parts that were this community's.
     */
    private Map<String, Long> minutesInFromLedger(Connection connection, UUID communityId, Period counted,
                                                  ParticipationRules rules) throws SQLException {
        Set<String> candidates = new HashSet<>();
        readModel.ledgerOfCommunity(connection, communityId, counted)
                .forEach(entry -> candidates.add(entry.personId()));
        Map<String, List<LedgerEntry>> theirLedgers = new HashMap<>();
        readModel.ledgerOfPeople(connection, candidates, counted).forEach(entry -> theirLedgers
                .computeIfAbsent(entry.personId(), id -> new ArrayList<>()).add(entry));
        Map<String, ProfileHistory> profiles = readModel.profilesOf(connection, candidates);
        Map<String, Long> minutes = new HashMap<>();
        for (String person : candidates) {
            long theirs = PersonPeriod.of(person, profiles.getOrDefault(person, new ProfileHistory(List.of())),
                            theirLedgers.getOrDefault(person, List.of()), counted, rules).countedEntries().stream()
                    .filter(entry -> communityId.equals(entry.communityId())).mapToLong(LedgerEntry::minutes).sum();
            if (theirs > 0) {
                minutes.put(person, theirs);
            }
        }
        return minutes;
    }

    /**
     * Equal weights over what is known: a figure that is suppressed or has no basis (no members, no goals) is left
     * out rather than counted as 0, and the inputs say which were used.
     */
    static CommunityReport.Health health(int members, int active, Double attendanceRate, Map<String, Integer> goals,
                                         int eventsHeld, int weeks) {
        return health(members, active, attendanceRate, goals, eventsHeld, weeks, null);
    }

    static CommunityReport.Health health(int members, int active, Double attendanceRate, Map<String, Integer> goals,
                                         int eventsHeld, int weeks, Double satisfaction) {
        int goalCount = goals.values().stream().mapToInt(Integer::intValue).sum();
        int healthyGoals = goals.entrySet().stream().filter(goal -> HEALTHY_GOALS.contains(goal.getKey()))
                .mapToInt(Map.Entry::getValue).sum();
        List<CommunityReport.HealthInput> inputs = new ArrayList<>();
        inputs.add(input("activity", members == 0 ? null : (double) active / members,
                "active members / members"));
        inputs.add(input("attendance", attendanceRate, "attendance rate (null when suppressed)"));
        inputs.add(input("goals", goalCount == 0 ? null : (double) healthyGoals / goalCount,
                "goals on track or achieved / all goals"));
        inputs.add(input("cadence", weeks == 0 ? null : Math.min(1.0, (double) eventsHeld / weeks),
                "events held per week, 1 or more counts as 1"));
        inputs.add(input("satisfaction", satisfaction,
                "mean rating of the events held, 1 to 5 read as 0 to 1 (null under 5 ratings)"));
        List<Double> used = inputs.stream().filter(CommunityReport.HealthInput::used)
                .map(CommunityReport.HealthInput::value).toList();
        Integer score = used.isEmpty() ? null
                : (int) Math.round(100 * used.stream().mapToDouble(Double::doubleValue).average().orElseThrow());
        return new CommunityReport.Health(score, inputs);
    }

    private static CommunityReport.HealthInput input(String name, Double value, String meaning) {
        return new CommunityReport.HealthInput(name, value, value != null, meaning);
    }
}
