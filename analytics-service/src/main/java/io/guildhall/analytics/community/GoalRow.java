package io.guildhall.analytics.community;

import io.guildhall.analytics.messaging.AsOf;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/**
 * A goal and its latest status. A status change that arrives before its GoalSet creates the row with an empty title
 * (the placeholder), which the older GoalSet then describes without overriding the newer status.
 */
public record GoalRow(UUID goalId, UUID communityId, String title, String metric, LocalDate dueDate, String status,
                      Instant asOf) {

    static final String PLACEHOLDER_TITLE = "";
    static final String PLACEHOLDER_METRIC = "CUSTOM";

    public static Optional<GoalRow> afterSet(Optional<GoalRow> current, GoalRow incoming) {
        if (current.isEmpty() || !AsOf.isStale(current.get().asOf(), incoming.asOf())) {
            return Optional.of(incoming);
        }
        GoalRow row = current.get();
        if (!row.isPlaceholder()) {
            return Optional.empty();
        }
        return Optional.of(new GoalRow(row.goalId(), row.communityId(), incoming.title(), incoming.metric(),
                incoming.dueDate(), row.status(), row.asOf()));
    }

    /** GoalUpdated: what the goal is; its status is the GoalStatusChanged events' business. */
    public static Optional<GoalRow> afterUpdated(Optional<GoalRow> current, String title, String metric,
                                                 LocalDate dueDate, Instant asOf) {
        if (current.isEmpty()) {
            return Optional.empty();
        }
        GoalRow row = current.get();
        if (AsOf.isStale(row.asOf(), asOf)) {
            return row.isPlaceholder() ? Optional.of(new GoalRow(row.goalId(), row.communityId(), title, metric,
                    dueDate, row.status(), row.asOf())) : Optional.empty();
        }
        return Optional.of(new GoalRow(row.goalId(), row.communityId(), title, metric, dueDate, row.status(), asOf));
    }

    public static Optional<GoalRow> afterStatusChanged(Optional<GoalRow> current, UUID goalId, UUID communityId,
                                                       String status, Instant asOf) {
        if (current.isEmpty()) {
            return Optional.of(new GoalRow(goalId, communityId, PLACEHOLDER_TITLE, PLACEHOLDER_METRIC,
                    LocalDate.ofInstant(asOf, ZoneOffset.UTC), status, asOf));
        }
        GoalRow row = current.get();
        if (AsOf.isStale(row.asOf(), asOf)) {
            return Optional.empty();
        }
        return Optional.of(new GoalRow(goalId, communityId, row.title(), row.metric(), row.dueDate(), status, asOf));
    }

    boolean isPlaceholder() {
        return PLACEHOLDER_TITLE.equals(title);
    }
}
