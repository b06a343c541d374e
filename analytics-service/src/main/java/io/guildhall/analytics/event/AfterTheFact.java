package io.guildhall.analytics.event;

import java.time.Duration;
import java.time.Instant;

/**
 * Rule 3 of docs/participation.md seen from the events: an event is recorded after the fact when it was scheduled,
 * or moved, to a start more than 5 minutes before that happened (event-service's own tolerance for a form filled
 * in just as the event begins).
 */
public final class AfterTheFact {

    static final Duration TOLERANCE = Duration.ofMinutes(5);

    private AfterTheFact() {
    }

    public static boolean startedBefore(Instant startsAt, Instant recordedAt) {
        return startsAt != null && recordedAt != null && startsAt.plus(TOLERANCE).isBefore(recordedAt);
    }
}
