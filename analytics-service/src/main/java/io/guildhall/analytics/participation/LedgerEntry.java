package io.guildhall.analytics.participation;

import java.time.LocalDate;
import java.util.UUID;

/**
 * One line of the participation ledger as it stands (corrections already applied; a withdrawn attendance or a
 * deleted contribution has 0 minutes). {@code direction} is GIVING or TAKING; attendance is TAKING.
 */
public record LedgerEntry(String personId, LocalDate onDate, String category, String direction, UUID communityId,
                          UUID eventId, int minutes) {

    public static final String GIVING = "GIVING";

    public boolean giving() {
        return GIVING.equals(direction);
    }
}
