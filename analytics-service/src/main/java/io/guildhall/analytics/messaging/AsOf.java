package io.guildhall.analytics.messaging;

import java.time.Instant;

/**
 * The one ordering rule of the read model: a row remembers the time of the event that last set it, and an event
 * older than that is stale. Equal times apply, so that of two events of one aggregate with the same timestamp the
 * one later on the partition wins, as it does in a replay.
 */
public final class AsOf {

    private AsOf() {
    }

    public static boolean isStale(Instant rowAsOf, Instant eventTime) {
        return eventTime.isBefore(rowAsOf);
    }

    public static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
