package io.guildhall.analytics.report;

import io.guildhall.analytics.participation.Minutes;
import io.guildhall.analytics.participation.ParticipationRules;
import io.guildhall.analytics.participation.Share;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A group's minutes per person over the period, and per ISO week the people with work time in it and their minutes:
 * what its figures are taken from. People are added whole, one at a time ({@link #addPerson}), so a week keeps a bit
 * set of people and two sums instead of every person's minutes; weeks are numbered in the order of the period's
 * {@code weeks}.
 */
final class GroupAggregate {

    private static final double MINUTES_PER_HOUR = 60.0;

    private final PersonIndex index;
    private final Map<String, Integer> weekNumbers = new HashMap<>();
    private final Map<String, Minutes> byPerson = new HashMap<>();
    private final BitSet withWork = new BitSet();
    private final BitSet[] weekPeople;
    private final long[] weekWork;
    private final long[] weekParticipation;

    GroupAggregate(PersonIndex index, List<String> weeks) {
        this.index = index;
        for (int i = 0; i < weeks.size(); i++) {
            weekNumbers.put(weeks.get(i), i);
        }
        this.weekPeople = new BitSet[weeks.size()];
        this.weekWork = new long[weeks.size()];
        this.weekParticipation = new long[weeks.size()];
    }

    /**
     * One person's minutes in this group by week number, for a person with at least one day in it. A week counts the
     * person (and their minutes) when they had work time in the group that week; the period, when they had any.
     */
    void addPerson(String personId, long[] work, long[] participation) {
        long workTotal = 0;
        long participationTotal = 0;
        for (int week = 0; week < work.length; week++) {
            workTotal += work[week];
            participationTotal += participation[week];
        }
        if (byPerson.containsKey(personId)) {
            throw new IllegalStateException(personId + " is in this group already");
        }
        int number = index.numberOf(personId);
        for (int week = 0; week < work.length; week++) {
            if (work[week] > 0) {
                if (weekPeople[week] == null) {
                    weekPeople[week] = new BitSet();
                }
                weekPeople[week].set(number);
                weekWork[week] += work[week];
                weekParticipation[week] += participation[week];
            }
        }
        byPerson.put(personId, new Minutes(workTotal, participationTotal));
        if (workTotal > 0) {
            withWork.set(number);
        }
    }

    /** The same with minutes by week label, for callers that have them so. */
    void addPerson(String personId, Map<String, Minutes> weeks) {
        if (weeks.isEmpty()) {
            return;
        }
        long[] work = new long[weekWork.length];
        long[] participation = new long[weekWork.length];
        weeks.forEach((label, minutes) -> {
            int week = weekNumbers.get(label);
            work[week] += minutes.work();
            participation[week] += minutes.participation();
        });
        addPerson(personId, work, participation);
    }

    /** People with work time in the group: only they have a share to count. */
    Set<String> people() {
        return index.people(withWork);
    }

    Set<String> peopleIn(String week) {
        Integer number = weekNumbers.get(week);
        return number == null || weekPeople[number] == null ? Set.of() : index.people(weekPeople[number]);
    }

    /** Each person's minutes in the group over the period, work time or not. */
    Map<String, Minutes> byPerson() {
        return java.util.Collections.unmodifiableMap(byPerson);
    }

    Minutes total() {
        Minutes total = Minutes.NONE;
        for (Minutes minutes : byPerson.values()) {
            if (minutes.work() > 0) {
                total = total.plus(minutes);
            }
        }
        return total;
    }

    Minutes totalIn(String week) {
        Integer number = weekNumbers.get(week);
        return number == null ? Minutes.NONE : new Minutes(weekWork[number], weekParticipation[number]);
    }

    /** The figures, with the weeks in {@code hiddenWeeks} suppressed; the caller decided the group is visible. */
    GroupFigures figures(String group, List<String> weeks, Set<String> hiddenWeeks, ParticipationRules rules) {
        List<Share> shares = people().stream().map(person -> byPerson.get(person).share(rules)).toList();
        List<Double> values = shares.stream().map(Share::value).sorted().toList();
        double atOrAbove = shares.stream().filter(Share::atOrAboveTarget).count();
        double over = shares.stream().filter(share -> share.value() > rules.overParticipationShare()).count();
        double participating = shares.stream().filter(share -> share.participationMinutes() > 0).count();
        double mean = values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        Minutes total = total();
        return new GroupFigures(group, false, shares.size(), participating / shares.size(), mean, median(values),
                atOrAbove / shares.size(), over / shares.size(), total.participation() / MINUTES_PER_HOUR,
                total.work(), total.participation(), trend(weeks, hiddenWeeks, rules));
    }

    List<TrendPoint> trend(List<String> weeks, Set<String> hiddenWeeks, ParticipationRules rules) {
        List<TrendPoint> trend = new ArrayList<>();
        for (String week : weeks) {
            trend.add(hiddenWeeks.contains(week) ? new TrendPoint(week, true, null)
                    : new TrendPoint(week, false, totalIn(week).share(rules).value()));
        }
        return trend;
    }

    static Double median(List<Double> sorted) {
        if (sorted.isEmpty()) {
            return null;
        }
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
