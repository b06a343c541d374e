package io.guildhall.analytics.event;

import io.guildhall.analytics.messaging.AsOf;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A person's latest answer to an event, and whether they were recorded as a no-show. */
public record RsvpRow(UUID eventId, String personId, String status, boolean noShow, Instant asOf) {

    public static final String GOING = "GOING";
    public static final String WAITLISTED = "WAITLISTED";
    public static final String NOT_GOING = "NOT_GOING";
    public static final String CANCELLED = "CANCELLED";

    public static Optional<RsvpRow> afterAnswer(Optional<RsvpRow> current, UUID eventId, String personId, String status,
                                                Instant asOf) {
        if (current.isEmpty()) {
            return Optional.of(new RsvpRow(eventId, personId, status, false, asOf));
        }
        RsvpRow row = current.get();
        if (AsOf.isStale(row.asOf(), asOf)) {
            return Optional.empty();
        }
        return Optional.of(new RsvpRow(eventId, personId, status, row.noShow(), asOf));
    }

    /** A no-show stays recorded whatever order the answers arrive in; only someone who was going can miss it. */
    public static Optional<RsvpRow> afterNoShow(Optional<RsvpRow> current, UUID eventId, String personId, Instant asOf) {
        if (current.isEmpty()) {
            return Optional.of(new RsvpRow(eventId, personId, GOING, true, asOf));
        }
        RsvpRow row = current.get();
        RsvpRow next = new RsvpRow(eventId, personId, row.status(), true, AsOf.latest(row.asOf(), asOf));
        return next.equals(row) ? Optional.empty() : Optional.of(next);
    }
}
