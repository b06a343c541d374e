package io.guildhall.community.goal;

import io.guildhall.contracts.community.GoalMetric;

import java.util.EnumSet;
import java.util.Set;

/** Which goal metrics progress by themselves from event-service evidence, and which take leads' check-ins. */
public final class EvidenceMetrics {

    public static final Set<GoalMetric> FROM_EVENTS =
            EnumSet.of(GoalMetric.SESSIONS_HELD, GoalMetric.UNIQUE_ATTENDEES, GoalMetric.HOURS_INVESTED);

    private EvidenceMetrics() {
    }

    public static boolean fromEvents(GoalMetric metric) {
        return FROM_EVENTS.contains(metric);
    }
}
