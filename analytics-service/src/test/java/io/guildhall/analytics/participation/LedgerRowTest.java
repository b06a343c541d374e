package io.guildhall.analytics.participation;

import io.guildhall.analytics.messaging.AsOf;
import io.guildhall.contracts.contribution.ContributionDirection;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LedgerRowTest {

    private static final Instant T1 = Instant.parse("2026-03-02T10:00:00Z");
    private static final Instant T2 = T1.plusSeconds(60);
    private static final UUID COMMUNITY = UUID.randomUUID();
    private static final LocalDate DAY = LocalDate.parse("2026-03-02");

    @Test
    void an_older_event_is_stale_an_equal_or_newer_one_is_not() {
        assertTrue(AsOf.isStale(T2, T1));
        assertFalse(AsOf.isStale(T1, T1));
        assertFalse(AsOf.isStale(T1, T2));
    }

    @Test
    void a_newer_entry_replaces_the_stored_one_an_older_one_changes_nothing() {
        LedgerRow logged = entry("MENTORING", 30, T1);
        LedgerRow corrected = entry("MENTORING", 45, T2);

        assertEquals(Optional.of(corrected), LedgerRow.afterEntry(Optional.of(logged), corrected));
        assertEquals(Optional.empty(), LedgerRow.afterEntry(Optional.of(corrected), logged));
        assertEquals(Optional.of(logged), LedgerRow.afterEntry(Optional.empty(), logged));
    }

    @Test
    void a_deletion_keeps_the_row_with_zero_minutes() {
        LedgerRow deleted = LedgerRow.afterDeletion(Optional.of(entry("MENTORING", 30, T1)), "c-1", "p",
                DAY, COMMUNITY, T2).orElseThrow();

        assertEquals(0, deleted.minutes());
        assertEquals("MENTORING", deleted.category());
        assertEquals(T2, deleted.asOf());
    }

    @Test
    void a_deletion_before_its_logging_leaves_zero_minutes_and_learns_what_it_was() {
        LedgerRow tombstone = LedgerRow.afterDeletion(Optional.empty(), "c-1", "p", DAY, COMMUNITY, T2)
                .orElseThrow();
        assertEquals(0, tombstone.minutes());

        LedgerRow afterLateLogging = LedgerRow.afterEntry(Optional.of(tombstone),
                new LedgerRow(LedgerSource.CONTRIBUTION, "c-1", "p", DAY, "LEARNING", ContributionDirection.TAKING, COMMUNITY, null, 30,
                        T1)).orElseThrow();

        assertEquals(0, afterLateLogging.minutes(), "the older logging does not bring the minutes back");
        assertEquals("LEARNING", afterLateLogging.category());
        assertEquals(ContributionDirection.TAKING, afterLateLogging.direction());
        assertEquals(T2, afterLateLogging.asOf());
    }

    @Test
    void an_older_deletion_does_not_undo_a_newer_correction() {
        assertEquals(Optional.empty(), LedgerRow.afterDeletion(Optional.of(entry("MENTORING", 45, T2)), "c-1", "p",
                DAY, COMMUNITY, T1));
    }

    private static LedgerRow entry(String category, int minutes, Instant asOf) {
        return new LedgerRow(LedgerSource.CONTRIBUTION, "c-1", "p", DAY, category, ContributionDirection.GIVING, COMMUNITY, null, minutes,
                asOf);
    }
}
