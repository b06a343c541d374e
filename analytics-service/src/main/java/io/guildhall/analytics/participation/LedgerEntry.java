package io.guildhall.analytics.participation;

import io.guildhall.contracts.contribution.ContributionDirection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One line of the participation ledger as it stands (corrections already applied; a withdrawn attendance or a
 * deleted contribution has 0 minutes). {@code direction} is GIVING or TAKING; attendance is TAKING. An attendance
 * carries its event's start and end ({@code startsAt}, {@code endsAt}), which {@link DailyParticipation} splits
 * into days; a contribution has neither and belongs to its {@code onDate}.
 */
public record LedgerEntry(String personId, LocalDate onDate, String category, ContributionDirection direction,
                          UUID communityId, UUID eventId, int minutes, Instant startsAt, Instant endsAt) {

    /** A line of one day only: a contribution, or an attendance whose event times are not known. */
    public LedgerEntry(String personId, LocalDate onDate, String category, ContributionDirection direction,
                       UUID communityId, UUID eventId, int minutes) {
        this(personId, onDate, category, direction, communityId, eventId, minutes, null, null);
    }

    public boolean giving() {
        return direction == ContributionDirection.GIVING;
    }

    /** Whether the line spans its event's hours, rather than being minutes of one day. */
    public boolean timed() {
        return startsAt != null && endsAt != null;
    }

    /** The same line with the minutes that belong to one day. */
    public LedgerEntry onDay(LocalDate day, int dayMinutes) {
        return new LedgerEntry(personId, day, category, direction, communityId, eventId, dayMinutes, startsAt, endsAt);
    }
}
