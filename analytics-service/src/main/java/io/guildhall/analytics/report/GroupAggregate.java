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
 * set of people and two sums instead of every person's minutes.
 */
final class GroupAggregate {

    private static final double MINUTES_PER_HOUR = 60.0;

    private final PersonIndex index;
    private final Map<String, Minutes> byPerson = new HashMap<>();
    private final BitSet withWork = new BitSet();
    private final Map<String, Week> byWeek = new HashMap<>();

    private static final class Week {
        final BitSet people = new BitSet();
        Minutes minutes = Minutes.NONE;
    }

    GroupAggregate(PersonIndex index) {
        this.index = index;
    }

    /**
     * One person's minutes in this group, by ISO week label. A week counts the person (and their minutes) when they
     * had work time in the group that week; the period, when they had any.
     */
    void addPerson(String personId, Map<String, Minutes> weeks) {
        if (weeks.isEmpty()) {
            return;
        }
        if (byPerson.containsKey(personId)) {
            throw new IllegalStateException(personId + " is in this group already");
        }
        int number = index.numberOf(personId);
        Minutes period = Minutes.NONE;
        for (Map.Entry<String, Minutes> week : weeks.entrySet()) {
            Minutes minutes = week.getValue();
            period = period.plus(minutes);
            if (minutes.work() > 0) {
                Week figures = byWeek.computeIfAbsent(week.getKey(), label -> new Week());
                figures.people.set(number);
                figures.minutes = figures.minutes.plus(minutes);
            }
        }
        byPerson.put(personId, period);
        if (period.work() > 0) {
            withWork.set(number);
        }
    }

    /** People with work time in the group: only they have a share to count. */
    Set<String> people() {
        return index.people(withWork);
    }

    Set<String> peopleIn(String week) {
        Week figures = byWeek.get(week);
        return figures == null ? Set.of() : index.people(figures.people);
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
        Week figures = byWeek.get(week);
        return figures == null ? Minutes.NONE : figures.minutes;
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
