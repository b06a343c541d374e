package io.guildhall.analytics.anomaly;

import io.guildhall.analytics.anomaly.AnomalyRules.HeldEvent;
import io.guildhall.analytics.anomaly.AnomalyRules.Reason;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Rule 10 worked by hand. */
class AnomalyRulesTest {

    private final UUID beaForCy = UUID.randomUUID();
    private final UUID cyForBea = UUID.randomUUID();
    private final UUID beaForDan = UUID.randomUUID();
    private final UUID training = UUID.randomUUID();
    private final UUID late = UUID.randomUUID();

    @Test
    void two_colleagues_checking_each_other_in_are_reciprocal_and_an_event_of_one_other_person_is_flagged() {
        Map<UUID, List<Reason>> anomalies = AnomalyRules.events(List.of(
                new HeldEvent(beaForCy, "bea", Set.of("cy"), false),
                new HeldEvent(cyForBea, "cy", Set.of("bea"), false),
                new HeldEvent(beaForDan, "bea", Set.of("dan"), false),
                new HeldEvent(training, "grace", Set.of("ada", "cy", "dan"), false),
                new HeldEvent(late, "grace", Set.of("ada", "cy"), true)));

        assertEquals(List.of(Reason.ORGANISER_CHECKED_IN_ONE_OTHER_PERSON, Reason.RECIPROCAL_WITH_ANOTHER_EVENT),
                anomalies.get(beaForCy));
        assertEquals(List.of(Reason.ORGANISER_CHECKED_IN_ONE_OTHER_PERSON, Reason.RECIPROCAL_WITH_ANOTHER_EVENT),
                anomalies.get(cyForBea));
        assertEquals(List.of(Reason.ORGANISER_CHECKED_IN_ONE_OTHER_PERSON), anomalies.get(beaForDan),
                "dan organised nothing for bea");
        assertEquals(List.of(Reason.RECORDED_AFTER_THE_FACT), anomalies.get(late));
        assertEquals(Set.of(beaForCy, cyForBea, beaForDan, late), anomalies.keySet(), "the training is fine");
    }

    @Test
    void an_event_without_any_attendee_or_without_a_known_organiser_is_no_single_attendee_anomaly() {
        assertEquals(Map.of(), AnomalyRules.events(List.of(
                new HeldEvent(training, "grace", Set.of(), false),
                new HeldEvent(beaForCy, null, Set.of("cy"), false))));
    }

    @Test
    void three_days_at_the_cap_in_one_week_are_flagged_two_are_not() {
        // Monday 30 November to Wednesday 2 December 2026 (week 49); Thursday 10 and Friday 11 December (week 50).
        Map<String, Integer> weeks = AnomalyRules.weeksAtCap(List.of(LocalDate.parse("2026-11-30"),
                LocalDate.parse("2026-12-01"), LocalDate.parse("2026-12-02"), LocalDate.parse("2026-12-10"),
                LocalDate.parse("2026-12-11")));

        assertEquals(Map.of("2026-W49", 3), weeks);
    }
}
