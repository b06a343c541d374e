package io.guildhall.analytics.privacy;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SuppressionTest {

    private final Suppression suppression = new Suppression(5);

    @Test
    void four_people_are_suppressed_five_are_not() {
        assertFalse(suppression.shows(people("a", 4)));
        assertTrue(suppression.shows(people("a", 5)));
    }

    @Test
    void a_breakdown_of_large_groups_hides_nothing() {
        Map<String, Set<String>> departments = groups(Map.of("Sales", people("s", 5), "Ops", people("o", 9)));

        assertEquals(Set.of(), suppression.suppressed(departments, union(departments)));
    }

    @Test
    void a_lone_small_group_takes_the_next_smallest_with_it() {
        // Total 22 minus Engineering 10 would leave exactly HR's 4 if Sales (8) stayed visible.
        Map<String, Set<String>> departments = groups(Map.of(
                "Engineering", people("e", 10), "Sales", people("s", 8), "HR", people("h", 4)));

        assertEquals(Set.of("HR", "Sales"), suppression.suppressed(departments, union(departments)));
    }

    @Test
    void two_small_groups_together_under_the_threshold_take_a_third() {
        // HR (2) and Legal (2) are 4 people together: total minus Engineering and Sales would describe them.
        Map<String, Set<String>> departments = groups(Map.of(
                "Engineering", people("e", 10), "Sales", people("s", 6), "HR", people("h", 2), "Legal",
                people("l", 2)));

        assertEquals(Set.of("HR", "Legal", "Sales"), suppression.suppressed(departments, union(departments)));
    }

    @Test
    void two_small_groups_together_at_the_threshold_are_enough() {
        // HR (3) and Legal (2) are 5 together and cannot be told apart: Engineering stays visible.
        Map<String, Set<String>> departments = groups(Map.of(
                "Engineering", people("e", 10), "HR", people("h", 3), "Legal", people("l", 2)));

        assertEquals(Set.of("HR", "Legal"), suppression.suppressed(departments, union(departments)));
    }

    @Test
    void a_group_that_is_almost_the_whole_population_is_suppressed() {
        // 7 people in all, 6 of them in the Java Guild: total minus the guild is one person.
        Set<String> everyone = people("p", 7);
        Map<String, Set<String>> communities = groups(Map.of("Java Guild", people("p", 6), "Running", people("p", 5)));

        Set<String> hidden = suppression.suppressed(communities, everyone);

        assertTrue(hidden.contains("Java Guild"), hidden.toString());
    }

    @Test
    void overlapping_groups_that_differ_by_a_few_people_are_not_both_shown() {
        // Running (6) is inside Java Guild (8): the guild minus Running describes 2 people.
        Map<String, Set<String>> communities = groups(Map.of("Java Guild", people("p", 8), "Running", people("p", 6)));

        Set<String> hidden = suppression.suppressed(communities, Set.of());

        assertTrue(hidden.contains("Running"), hidden.toString());
        assertEquals(2, hidden.size(), "with one group hidden, the other is the complement: " + hidden);
    }

    @Test
    void overlapping_groups_that_differ_by_many_stay_visible() {
        Map<String, Set<String>> communities = groups(Map.of("Java Guild", people("p", 12), "Running", people("p", 6)));

        assertEquals(Set.of(), suppression.suppressed(communities, Set.of()));
    }

    @Test
    void a_group_of_one_breakdown_inside_a_group_of_another_by_a_few_people_is_suppressed() {
        // Department Sales (p1..p6) sits inside level Senior (p1..p7): Senior minus Sales is p7 alone. Sales goes,
        // and Ops (the next smallest department) with it, so the total minus Ops cannot give Sales back.
        Map<String, Map<String, Set<String>>> breakdowns = new LinkedHashMap<>();
        breakdowns.put("department", groups(Map.of("Sales", people("p", 6), "Ops", people("o", 9),
                "Legal", people("l", 12))));
        breakdowns.put("level", groups(Map.of("Senior", people("p", 7))));

        Map<String, Set<String>> hidden = suppression.suppressedAcross(breakdowns, Set.of());

        assertEquals(Set.of("Sales", "Ops"), hidden.get("department"));
        assertEquals(Set.of(), hidden.get("level"));
    }

    @Test
    void the_threshold_is_never_below_five() {
        assertThrows(IllegalArgumentException.class, () -> new Suppression(4));
        assertEquals(Set.of("Sales", "Ops"), new Suppression(6).suppressed(
                groups(Map.of("Sales", people("s", 5), "Ops", people("o", 9))), Set.of()));
    }

    private static Set<String> people(String prefix, int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> prefix + i).collect(Collectors.toSet());
    }

    private static Map<String, Set<String>> groups(Map<String, Set<String>> groups) {
        return new LinkedHashMap<>(groups);
    }

    private static Set<String> union(Map<String, Set<String>> groups) {
        return groups.values().stream().flatMap(Set::stream).collect(Collectors.toSet());
    }
}
