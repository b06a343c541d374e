package io.guildhall.analytics.messaging;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * One row of the participation ledger (an attendance or a contribution), and how an event changes it: a newer event
 * replaces the row, an older one changes nothing, except that it may tell a deletion's tombstone what it was. An
 * attendance carries its event's start and end, which the reports split into the person's days (rule 4).
 */
public record LedgerEntry(String source, String sourceId, String personId, LocalDate onDate, String category,
                          String direction, UUID communityId, UUID eventId, int minutes, Instant asOf,
                          Instant startsAt, Instant endsAt) {

    /** A contribution: one date, no hours. */
    public LedgerEntry(String source, String sourceId, String personId, LocalDate onDate, String category,
                       String direction, UUID communityId, UUID eventId, int minutes, Instant asOf) {
        this(source, sourceId, personId, onDate, category, direction, communityId, eventId, minutes, asOf, null, null);
    }

    public static final String ATTENDANCE = "ATTENDANCE";
    public static final String CONTRIBUTION = "CONTRIBUTION";
    public static final String TAKING = "TAKING";
    public static final String GIVING = "GIVING";
    /** The category of a contribution deleted before its logging arrived: with 0 minutes, it counts nowhere. */
    public static final String UNKNOWN_CATEGORY = "UNKNOWN";

    public static String attendanceId(UUID eventId, String personId) {
        return eventId + "/" + personId;
    }

    /** @return the row to store, or empty when the stored one stays as it is */
    public static Optional<LedgerEntry> afterEntry(Optional<LedgerEntry> current, LedgerEntry incoming) {
        if (current.isEmpty() || !AsOf.isStale(current.get().asOf(), incoming.asOf())) {
            return Optional.of(incoming);
        }
        LedgerEntry stored = current.get();
        if (UNKNOWN_CATEGORY.equals(stored.category())) {
            return Optional.of(new LedgerEntry(stored.source(), stored.sourceId(), stored.personId(), stored.onDate(),
                    incoming.category(), incoming.direction(), stored.communityId(), stored.eventId(), stored.minutes(),
                    stored.asOf(), stored.startsAt(), stored.endsAt()));
        }
        return Optional.empty();
    }

    /** A deletion (ContributionDeleted): minutes 0, the row kept so that the older logging cannot bring it back. */
    public static Optional<LedgerEntry> afterDeletion(Optional<LedgerEntry> current, String sourceId, String personId,
                                                      LocalDate onDate, UUID communityId, Instant asOf) {
        if (current.isEmpty()) {
            return Optional.of(new LedgerEntry(CONTRIBUTION, sourceId, personId, onDate, UNKNOWN_CATEGORY, GIVING,
                    communityId, null, 0, asOf));
        }
        LedgerEntry stored = current.get();
        if (AsOf.isStale(stored.asOf(), asOf)) {
            return Optional.empty();
        }
        return Optional.of(new LedgerEntry(stored.source(), sourceId, personId, onDate, stored.category(),
                stored.direction(), communityId, stored.eventId(), 0, asOf, stored.startsAt(), stored.endsAt()));
    }
}
