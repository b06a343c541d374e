package io.guildhall.analytics.community;

import io.guildhall.analytics.messaging.AsOf;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Whether a person leads a community (founder, LeadAssigned) or no longer does (LeadRemoved). */
public record LeadRow(UUID communityId, String personId, boolean active, Instant asOf) {

    public static Optional<LeadRow> after(Optional<LeadRow> current, LeadRow incoming) {
        if (current.isPresent() && AsOf.isStale(current.get().asOf(), incoming.asOf())) {
            return Optional.empty();
        }
        return Optional.of(incoming);
    }
}
