package io.guildhall.analytics.privacy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which groups of a breakdown must not show their figures, so that no figure is about fewer than {@code threshold}
 * people, directly or by subtraction.
 *
 * <ol>
 *   <li><b>Primary</b>: a group of fewer than {@code threshold} people.</li>
 *   <li><b>Complementary</b>: the breakdown's total (or the sum of its other groups) minus the visible groups equals
 *   the suppressed ones; while only one group is suppressed, or the suppressed ones hold fewer than
 *   {@code threshold} people between them, the smallest visible group is suppressed too.</li>
 *   <li><b>Overlapping groups</b>: when one visible group's people are all in another visible group (or in the
 *   whole population the report's total covers) and the difference is 1 to {@code threshold - 1} people, subtracting
 *   one from the other describes those few: the smaller group is suppressed.</li>
 * </ol>
 * Repeated until nothing changes, since each new suppression can expose another difference. Several breakdowns
 * of the same people (department, level, location, community) are decided together: see {@link #suppressedAcross}.
 */
public final class Suppression {

    private final int threshold;

    public Suppression(int threshold) {
        if (threshold < 5) {
            throw new IllegalArgumentException("The privacy threshold is never below 5 but was " + threshold);
        }
        this.threshold = threshold;
    }

    public int threshold() {
        return threshold;
    }

    /** Whether a single figure over these people may be shown on its own (no breakdown around it). */
    public boolean shows(Set<String> people) {
        return people.size() >= threshold;
    }

    /**
     * @param groups     each group's people (person ids); the map's order only breaks ties
     * @param population everyone the report's total covers, when it shows one (empty when it shows none)
     * @return the keys of the groups to suppress
     */
    public <K> Set<K> suppressed(Map<K, Set<String>> groups, Set<String> population) {
        return suppressedAcross(Map.of("", groups), population).get("");
    }

    /**
     * Several breakdowns of the same people shown side by side (by department, by level, ...): complementary
     * suppression within each, and the overlapping-group rule across all of them, since a department minus a level
     * is as revealing as a department minus a department.
     *
     * @return per breakdown, the keys of the groups to suppress
     */
    public <K> Map<String, Set<K>> suppressedAcross(Map<String, Map<K, Set<String>>> breakdowns,
                                                    Set<String> population) {
        Map<String, Set<K>> suppressed = new LinkedHashMap<>();
        breakdowns.forEach((name, groups) -> {
            Set<K> hidden = new LinkedHashSet<>();
            groups.forEach((key, people) -> {
                if (people.size() < threshold) {
                    hidden.add(key);
                }
            });
            suppressed.put(name, hidden);
        });
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Map.Entry<String, Map<K, Set<String>>> breakdown : breakdowns.entrySet()) {
                changed |= complementary(breakdown.getValue(), suppressed.get(breakdown.getKey()));
            }
            changed |= overlapping(breakdowns, population, suppressed);
        }
        return suppressed;
    }

    private <K> boolean complementary(Map<K, Set<String>> groups, Set<K> suppressed) {
        boolean changed = false;
        while (!suppressed.isEmpty() && (suppressed.size() == 1 || peopleIn(groups, suppressed) < threshold)) {
            Optional<K> smallest = groups.keySet().stream().filter(key -> !suppressed.contains(key))
                    .min(Comparator.comparingInt(key -> groups.get(key).size()));
            if (smallest.isEmpty()) {
                break;
            }
            suppressed.add(smallest.get());
            changed = true;
        }
        return changed;
    }

    private <K> boolean overlapping(Map<String, Map<K, Set<String>>> breakdowns, Set<String> population,
                                    Map<String, Set<K>> suppressed) {
        // The visible groups and their people side by side: this runs for every week of a report, over every pair.
        List<Map.Entry<String, K>> visible = new ArrayList<>();
        List<Set<String>> people = new ArrayList<>();
        breakdowns.forEach((name, groups) -> groups.forEach((key, members) -> {
            if (!suppressed.get(name).contains(key)) {
                visible.add(Map.entry(name, key));
                people.add(members);
            }
        }));
        for (int inner = 0; inner < visible.size(); inner++) {
            Set<String> innerPeople = people.get(inner);
            boolean reveals = revealsFew(innerPeople, population);
            for (int outer = 0; !reveals && outer < visible.size(); outer++) {
                reveals = outer != inner && revealsFew(innerPeople, people.get(outer));
            }
            if (reveals) {
                suppressed.get(visible.get(inner).getKey()).add(visible.get(inner).getValue());
                return true;
            }
        }
        return false;
    }

    /** Whether {@code outer} minus {@code inner} is a handful of people (and {@code inner} is all inside it). */
    private boolean revealsFew(Set<String> inner, Set<String> outer) {
        int difference = outer.size() - inner.size();
        return difference > 0 && difference < threshold && outer.containsAll(inner);
    }

    private <K> int peopleIn(Map<K, Set<String>> groups, Set<K> keys) {
        Set<String> people = new HashSet<>();
        keys.forEach(key -> people.addAll(groups.get(key)));
        return people.size();
    }
}
