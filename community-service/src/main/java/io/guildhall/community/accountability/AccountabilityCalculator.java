package io.guildhall.community.accountability;

import io.guildhall.community.goal.CheckIn;
import io.guildhall.community.goal.EvidenceMetrics;
import io.guildhall.community.goal.Goal;
import io.guildhall.community.goal.GoalStatusPolicy;
import io.guildhall.contracts.community.GoalStatus;
import io.guildhall.contracts.community.ProgressSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Builds the report from a community's goals and their whole check-in history; plain code.
 * Check-in cadence: an open goal (not ACHIEVED or MISSED) whose last check-in by a person, up to the end of the period,
 * is {@code staleAfterWeeks} weeks or more before the end of the period (counting from the goal's start when it has
 * none) flags its owner. Evidence from events does not count as the owner checking in; goals that progress from
 * event evidence alone (sessions held, unique attendees, hours invested) take no check-ins and are never flagged.
 */
public final class AccountabilityCalculator {

    private AccountabilityCalculator() {
    }

    public static AccountabilityReport report(UUID communityId, String name, LocalDate from, LocalDate to, int staleAfterWeeks,
                                              List<Goal> goals, Map<UUID, List<CheckIn>> history) {
        return report(communityId, name, from, to, staleAfterWeeks, goals, history, List.of(), java.time.ZoneOffset.UTC);
    }

    /**
     * @param sessions the community's sessions that took place (newest first); each event-evidence goal lists those in
     *                 its window (its start to its due day, in {@code zone}), which is what its level measures
     */
    public static AccountabilityReport report(UUID communityId, String name, LocalDate from, LocalDate to, int staleAfterWeeks,
                                              List<Goal> goals, Map<UUID, List<CheckIn>> history,
                                              List<AccountabilityReport.Session> sessions, java.time.ZoneId zone) {
        Map<GoalStatus, Long> byStatus = new EnumMap<>(GoalStatus.class);
        Map<ProgressSource, Long> evidence = new EnumMap<>(ProgressSource.class);
        for (ProgressSource source : ProgressSource.values()) {
            evidence.put(source, 0L);
        }
        List<AccountabilityReport.GoalLine> lines = new ArrayList<>();
        List<AccountabilityReport.Flag> flags = new ArrayList<>();
        for (Goal goal : goals) {
            if (goal.startDate().isAfter(to)) {
                continue;
            }
            byStatus.merge(goal.status(), 1L, Long::sum);
            List<CheckIn> all = history.getOrDefault(goal.id(), List.of()).stream()
                    .sorted(Comparator.comparing(CheckIn::asOf).thenComparing(CheckIn::reportedAt)).toList();
            List<CheckIn> inPeriod = all.stream().filter(c -> !c.asOf().isBefore(from) && !c.asOf().isAfter(to)).toList();
            inPeriod.forEach(c -> evidence.merge(c.source(), 1L, Long::sum));
            BigDecimal atStart = levelBefore(all, from, goal.baseline());
            BigDecimal atEnd = levelBefore(all, to.plusDays(1), goal.baseline());
            BigDecimal covered = GoalStatusPolicy.progress(goal.baseline(), goal.target(), atEnd)
                    .subtract(GoalStatusPolicy.progress(goal.baseline(), goal.target(), atStart));
            LocalDate lastCheckIn = all.stream().filter(c -> c.source() == ProgressSource.CHECK_IN && !c.asOf().isAfter(to))
                    .map(CheckIn::asOf).max(Comparator.naturalOrder()).orElse(null);
            LocalDate reference = lastCheckIn == null ? goal.startDate() : lastCheckIn;
            long weeks = ChronoUnit.WEEKS.between(reference, to);
            boolean open = goal.status() != GoalStatus.ACHIEVED && goal.status() != GoalStatus.MISSED;
            boolean overdue = open && !EvidenceMetrics.fromEvents(goal.metric()) && weeks >= staleAfterWeeks;
            if (overdue) {
                flags.add(new AccountabilityReport.Flag(goal.id(), goal.title(), goal.ownerId(), lastCheckIn, weeks));
            }
            lines.add(new AccountabilityReport.GoalLine(goal.id(), goal.title(), goal.metric(), goal.unit(), goal.ownerId(),
                    goal.status(), goal.baseline(), goal.target(), goal.dueDate(), atStart, atEnd, covered,
                    covered.signum() > 0 ? AccountabilityReport.Trend.IMPROVING
                            : covered.signum() < 0 ? AccountabilityReport.Trend.DECLINING : AccountabilityReport.Trend.FLAT,
                    inPeriod.stream().map(c -> new AccountabilityReport.Point(c.asOf(), c.value(), c.source())).toList(),
                    inPeriod.stream().filter(c -> c.source() == ProgressSource.CHECK_IN).count(),
                    inPeriod.stream().filter(c -> c.source() == ProgressSource.EVENT_EVIDENCE).count(),
                    lastCheckIn, overdue, EvidenceMetrics.fromEvents(goal.metric())
                            ? sessions.stream().filter(session -> inWindow(session, goal, zone)).toList() : List.of()));
        }
        return new AccountabilityReport(communityId, name, from, to, staleAfterWeeks, byStatus, evidence, lines, flags);
    }

    private static boolean inWindow(AccountabilityReport.Session session, Goal goal, java.time.ZoneId zone) {
        LocalDate day = session.startsAt().atZone(zone).toLocalDate();
        return !day.isBefore(goal.startDate()) && !day.isAfter(goal.dueDate());
    }

    /** The level reported last before the given day, or the baseline. */
    private static BigDecimal levelBefore(List<CheckIn> sorted, LocalDate day, BigDecimal baseline) {
        BigDecimal level = baseline;
        for (CheckIn checkIn : sorted) {
            if (checkIn.asOf().isBefore(day)) {
                level = checkIn.value();
            }
        }
        return level;
    }
}
