package io.guildhall.analytics.report;

import io.guildhall.analytics.participation.Minutes;
import io.guildhall.analytics.participation.ParticipationRules;
import io.guildhall.analytics.participation.Share;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A group's minutes per person, over the period and per week, from which its figures are taken. */
final class GroupAggregate {

    private static final double MINUTES_PER_HOUR = 60.0;

    private final Map<String, Minutes> byPerson = new HashMap<>();
    private final Map<String, Map<String, Minutes>> byWeek = new LinkedHashMap<>();

    void add(String personId, String week, Minutes minutes) {
        byPerson.merge(personId, minutes, Minutes::plus);
        byWeek.computeIfAbsent(week, label -> new HashMap<>()).merge(personId, minutes, Minutes::plus);
    }

    /** People with work time in the group: only they have a share to count. */
    Set<String> people() {
        return peopleWithWork(byPerson);
    }

    Set<String> peopleIn(String week) {
        return peopleWithWork(byWeek.getOrDefault(week, Map.of()));
    }

    Minutes total() {
        return people().stream().map(byPerson::get).reduce(Minutes.NONE, Minutes::plus);
    }

    Minutes totalIn(String week) {
        Map<String, Minutes> people = byWeek.getOrDefault(week, Map.of());
        return peopleIn(week).stream().map(people::get).reduce(Minutes.NONE, Minutes::plus);
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

    private static Set<String> peopleWithWork(Map<String, Minutes> minutes) {
        Set<String> people = new HashSet<>();
        minutes.forEach((person, figures) -> {
            if (figures.work() > 0) {
                people.add(person);
            }
        });
        return people;
    }
}
