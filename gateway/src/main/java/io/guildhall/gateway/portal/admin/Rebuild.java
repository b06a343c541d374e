package io.guildhall.gateway.portal.admin;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;

/**
 * The latest rebuild of analytics' read model as the admin page shows it: the fields of analytics-service's {@code GET
 * /api/analytics/admin/rebuild} the page reads; the state as the API spells it.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Rebuild(String state, long eventsApplied, Long lag, Long estimatedSecondsLeft, Instant startedAt,
                      Instant finishedAt, String error) {

    /** Building or switching to the new figures: it can be followed, not started again. */
    public boolean isRunning() {
        return "BUILDING".equals(state) || "SWITCHING".equals(state);
    }

    /** Only a rebuild still building can be cancelled (the switch is quick and all-or-nothing). */
    public boolean isCancellable() {
        return "BUILDING".equals(state);
    }
}
