package io.guildhall.analytics.participation;

import io.guildhall.analytics.messaging.AsOf;
import io.guildhall.contracts.contribution.ContributionDirection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * One row of the participation ledger (an attendance or a contribution), and how an event changes it: a newer event
 * replaces the row, an older one changes nothing, except that it may tell a deletion's tombstone what it was. An
 * attendance carries its event's start and end, which the reports split into the person's days (rule 4).
 */
public record LedgerRow(LedgerSource source, String sourceId, String personId, LocalDate onDate, String category,
                        ContributionDirection direction, UUID communityId, UUID eventId, int minutes, Instant asOf,
                        Instant startsAt, Instant endsAt) {

    /** A contribution: one date, no hours. */
    public LedgerRow(LedgerSource source, String sourceId, String personId, LocalDate onDate, String category,
                     ContributionDirection direction, UUID communityId, UUID eventId, int minutes, Instant asOf) {
        this(source, sourceId, personId, onDate, category, direction, communityId, eventId, minutes, asOf, null, null);
    }

    /** The category of a contribution deleted before its logging arrived: with 0 minutes, it counts nowhere. */
    public static final String UNKNOWN_CATEGORY = "UNKNOWN";

    public static String attendanceId(UUID eventId, String personId) {
        return eventId + "/" + personId;
    }

    /** @return the row to store, or empty when the stored one stays as it is */
    public static Optional<LedgerRow> afterEntry(Optional<LedgerRow> current, LedgerRow incoming) {
        if (current.isEmpty() || !AsOf.isStale(current.get().asOf(), incoming.asOf())) {
            return Optional.of(incoming);
        }
        LedgerRow stored = current.get();
        if (UNKNOWN_CATEGORY.equals(stored.category())) {
            return Optional.of(new LedgerRow(stored.source(), stored.sourceId(), stored.personId(), stored.onDate(),
                    incoming.category(), incoming.direction(), stored.communityId(), stored.eventId(), stored.minutes(),
                    stored.asOf(), stored.startsAt(), stored.endsAt()));
        }
        return Optional.empty();
    }

    /** A deletion (ContributionDeleted): minutes 0, the row kept so that the older logging cannot bring it back. */
    public static Optional<LedgerRow> afterDeletion(Optional<LedgerRow> current, String sourceId, String personId,
                                                      LocalDate onDate, UUID communityId, Instant asOf) {
        if (current.isEmpty()) {
            return Optional.of(new LedgerRow(LedgerSource.CONTRIBUTION, sourceId, personId, onDate, UNKNOWN_CATEGORY,
                    ContributionDirection.GIVING,
                    communityId, null, 0, asOf));
        }
        LedgerRow stored = current.get();
        if (AsOf.isStale(stored.asOf(), asOf)) {
            return Optional.empty();
        }
        return Optional.of(new LedgerRow(stored.source(), sourceId, personId, onDate, stored.category(),
                stored.direction(), communityId, stored.eventId(), 0, asOf, stored.startsAt(), stored.endsAt()));
    }
}
