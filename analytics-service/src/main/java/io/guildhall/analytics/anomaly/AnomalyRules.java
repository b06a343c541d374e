package io.guildhall.analytics.anomaly;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Rule 10 of docs/participation.md: what is worth a second look, as plain rules.
 * <ul>
 *   <li>An event recorded after the fact (scheduled after it had started).</li>
 *   <li>An event whose organiser checked in exactly one other person: the shape of two colleagues checking each
 *   other in. When two such events have each one's organiser as the other's only attendee, both are also
 *   reciprocal.</li>
 *   <li>A person at the day cap on {@value #DAYS_AT_CAP_PER_WEEK} or more days of one week.</li>
 * </ul>
 */
public final class AnomalyRules {

    public static final int DAYS_AT_CAP_PER_WEEK = 3;

    public enum Reason {
        RECORDED_AFTER_THE_FACT,
        ORGANISER_CHECKED_IN_ONE_OTHER_PERSON,
        RECIPROCAL_WITH_ANOTHER_EVENT
    }

    private AnomalyRules() {
    }

    /** An event that took place, with who organised it, who attended it (more than 0 minutes) and its flag. */
    public record HeldEvent(UUID eventId, String organiserId, Set<String> attendees, boolean recordedAfterTheFact) {
    }

    /** The reasons each event is an anomaly; events without one are left out. */
    public static Map<UUID, List<Reason>> events(Collection<HeldEvent> events) {
        Set<String> singlePairs = new HashSet<>();
        for (HeldEvent event : events) {
            if (singleOther(event)) {
                singlePairs.add(event.organiserId() + "->" + event.attendees().iterator().next());
            }
        }
        Map<UUID, List<Reason>> anomalies = new LinkedHashMap<>();
        for (HeldEvent event : events) {
            List<Reason> reasons = new ArrayList<>();
            if (event.recordedAfterTheFact()) {
                reasons.add(Reason.RECORDED_AFTER_THE_FACT);
            }
            if (singleOther(event)) {
                reasons.add(Reason.ORGANISER_CHECKED_IN_ONE_OTHER_PERSON);
                String attendee = event.attendees().iterator().next();
                if (singlePairs.contains(attendee + "->" + event.organiserId())) {
                    reasons.add(Reason.RECIPROCAL_WITH_ANOTHER_EVENT);
                }
            }
            if (!reasons.isEmpty()) {
                anomalies.put(event.eventId(), List.copyOf(reasons));
            }
        }
        return anomalies;
    }

    private static boolean singleOther(HeldEvent event) {
        return event.organiserId() != null && event.attendees().size() == 1
                && !event.attendees().contains(event.organiserId());
    }

    /**
     * The ISO weeks ("2026-W49") in which the person was at the day cap on at least {@value #DAYS_AT_CAP_PER_WEEK}
     * days, with how many.
     */
    public static Map<String, Integer> weeksAtCap(Collection<LocalDate> daysAtCap) {
        Map<String, Integer> byWeek = new TreeMap<>();
        for (LocalDate day : daysAtCap) {
            byWeek.merge(String.format("%d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR),
                    day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)), 1, Integer::sum);
        }
        byWeek.values().removeIf(days -> days < DAYS_AT_CAP_PER_WEEK);
        return byWeek;
    }
}
