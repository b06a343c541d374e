package io.guildhall.analytics.report;

import io.guildhall.analytics.participation.ParticipationRules;
import io.guildhall.analytics.privacy.Suppression;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Groups' figures and their total with suppression applied: to the groups over the period, and again to each week
 * of the trends (a week has its own, smaller, set of people). All groupings of the report (department, level,
 * location, community) are decided together, so that no two of them can be subtracted from each other.
 */
final class Breakdown {

    private Breakdown() {
    }

    record Result(List<GroupFigures> groups, GroupFigures total, Set<String> suppressed) {
    }

    /** @return per grouping, its figures */
    static Map<String, Result> of(Map<String, Map<String, GroupAggregate>> groupings, GroupAggregate total,
                                  List<String> weeks, Suppression suppression, ParticipationRules rules) {
        return of(groupings, total, weeks, suppression, rules, groupings.keySet());
    }

    /**
     * @param withFigures the groupings whose groups' figures are wanted; the others' results list no groups (their
     *                    suppression is decided all the same, since it constrains the wanted ones')
     * @return per grouping, its figures
     */
    static Map<String, Result> of(Map<String, Map<String, GroupAggregate>> groupings, GroupAggregate total,
                                  List<String> weeks, Suppression suppression, ParticipationRules rules,
                                  Set<String> withFigures) {
        Map<String, Map<String, Set<String>>> people = new LinkedHashMap<>();
        groupings.forEach((grouping, groups) -> {
            Map<String, Set<String>> groupPeople = new LinkedHashMap<>();
            groups.forEach((group, aggregate) -> groupPeople.put(group, aggregate.people()));
            people.put(grouping, groupPeople);
        });
        Map<String, Set<String>> suppressed = suppression.suppressedAcross(people, total.people());

        Map<String, Map<String, Set<String>>> hiddenWeeks = new HashMap<>();
        for (String week : weeks) {
            Map<String, Map<String, Set<String>>> weekPeople = new LinkedHashMap<>();
            groupings.forEach((grouping, groups) -> {
                Map<String, Set<String>> present = new LinkedHashMap<>();
                groups.forEach((group, aggregate) -> {
                    Set<String> inWeek = aggregate.peopleIn(week);
                    if (!inWeek.isEmpty()) {
                        present.put(group, inWeek);
                    }
                });
                weekPeople.put(grouping, present);
            });
            suppression.suppressedAcross(weekPeople, total.peopleIn(week)).forEach((grouping, groups) ->
                    groups.forEach(group -> hiddenWeeks.computeIfAbsent(grouping, key -> new HashMap<>())
                            .computeIfAbsent(group, key -> new HashSet<>()).add(week)));
        }

        GroupFigures totalFigures = totalFigures(total, weeks, suppression, rules);
        Map<String, Result> results = new LinkedHashMap<>();
        groupings.forEach((grouping, groups) -> {
            Set<String> hidden = suppressed.get(grouping);
            Map<String, Set<String>> weeksHidden = hiddenWeeks.getOrDefault(grouping, Map.of());
            List<GroupFigures> figures = new ArrayList<>();
            groups.forEach((group, aggregate) -> {
                if (withFigures.contains(grouping)) {
                    figures.add(hidden.contains(group)
                            ? GroupFigures.suppressed(group, allHidden(weeks))
                            : aggregate.figures(group, weeks, weeksHidden.getOrDefault(group, Set.of()), rules));
                }
            });
            results.put(grouping, new Result(figures, totalFigures, hidden));
        });
        return results;
    }

    private static GroupFigures totalFigures(GroupAggregate total, List<String> weeks, Suppression suppression,
                                             ParticipationRules rules) {
        if (!suppression.shows(total.people())) {
            return GroupFigures.suppressed(Oversight.EVERYONE, allHidden(weeks));
        }
        Set<String> hidden = new HashSet<>();
        weeks.stream().filter(week -> !suppression.shows(total.peopleIn(week))).forEach(hidden::add);
        return total.figures(Oversight.EVERYONE, weeks, hidden, rules);
    }

    private static List<TrendPoint> allHidden(List<String> weeks) {
        return weeks.stream().map(week -> new TrendPoint(week, true, null)).toList();
    }
}
