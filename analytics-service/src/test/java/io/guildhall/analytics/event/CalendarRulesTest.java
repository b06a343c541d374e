package io.guildhall.analytics.event;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CalendarRulesTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Instant T1 = Instant.parse("2026-03-02T10:00:00Z");
    private static final Instant T2 = T1.plusSeconds(60);
    private static final Instant STARTS = Instant.parse("2026-03-05T17:00:00Z");
    private static final UUID EVENT = UUID.randomUUID();
    private static final UUID COMMUNITY = UUID.randomUUID();

    @Test
    void attended_minutes_belong_to_the_start_day_in_the_organisations_zone() {
        assertEquals(LocalDate.parse("2026-03-03"), AttendanceDates.onDate(Instant.parse("2026-03-02T23:30:00Z"), BERLIN));
        assertEquals(LocalDate.parse("2026-03-02"), AttendanceDates.onDate(Instant.parse("2026-03-02T22:59:59Z"), BERLIN));
        // Summer time: UTC+2, so 22:00 UTC is midnight.
        assertEquals(LocalDate.parse("2026-07-02"), AttendanceDates.onDate(Instant.parse("2026-07-01T22:00:00Z"), BERLIN));
        assertEquals(LocalDate.parse("2026-03-02"),
                AttendanceDates.onDate(Instant.parse("2026-03-02T23:30:00Z"), ZoneId.of("UTC")));
    }

    @Test
    void an_attendance_before_the_scheduling_creates_an_unscheduled_event_that_the_scheduling_completes() {
        CalendarEventRow copy = new CalendarEventRow(EVENT, COMMUNITY, "TRAINING", null, STARTS, STARTS.plusSeconds(3600),
                "Europe/Berlin", null, false, false, T2);
        CalendarEventRow placeholder = CalendarEventRow.afterCopy(Optional.empty(), copy).orElseThrow();
        assertEquals(copy, placeholder);

        CalendarEventRow scheduled = CalendarEventRow.afterScheduled(Optional.of(placeholder), new CalendarEventRow(
                EVENT, COMMUNITY, "TRAINING", "organiser", STARTS, STARTS.plusSeconds(3600), "Europe/Berlin", 20,
                true, false, T1)).orElseThrow();

        assertTrue(scheduled.scheduled());
        assertEquals("organiser", scheduled.organiserId());
        assertEquals(20, scheduled.capacity());
        assertEquals(T2, scheduled.asOf(), "the newer copy's time stays");
    }

    @Test
    void copies_never_override_a_scheduled_event() {
        CalendarEventRow scheduled = new CalendarEventRow(EVENT, COMMUNITY, "COMMUNITY_MEETUP", "organiser", STARTS,
                STARTS.plusSeconds(3600), "Europe/Berlin", 20, true, false, T1);
        CalendarEventRow copy = new CalendarEventRow(EVENT, COMMUNITY, "TRAINING", null, STARTS.plusSeconds(60),
                STARTS.plusSeconds(3600), "UTC", null, false, false, T2);

        assertEquals(Optional.empty(), CalendarEventRow.afterCopy(Optional.of(scheduled), copy));
    }

    @Test
    void an_older_reschedule_changes_no_times_and_a_cancellation_is_for_good() {
        CalendarEventRow row = new CalendarEventRow(EVENT, COMMUNITY, "TRAINING", "organiser", STARTS,
                STARTS.plusSeconds(3600), "Europe/Berlin", 20, true, false, T2);

        assertEquals(Optional.empty(), CalendarEventRow.afterRescheduled(Optional.of(row), EVENT, COMMUNITY,
                STARTS.plusSeconds(86400), STARTS.plusSeconds(90000), "Europe/Berlin", T1));
        CalendarEventRow cancelled = CalendarEventRow.afterCancelled(Optional.of(row), T1).orElseThrow();
        assertTrue(cancelled.cancelled());
        assertEquals(T2, cancelled.asOf());
        assertEquals(Optional.empty(), CalendarEventRow.afterUpdated(Optional.empty(), COMMUNITY, "PARTY", 5, T2),
                "an update of an unknown event has no times to keep");
    }

    @Test
    void rsvp_answers_in_any_order_end_with_the_newest_and_a_no_show_stays() {
        RsvpRow declined = RsvpRow.afterAnswer(Optional.empty(), EVENT, "p", RsvpRow.NOT_GOING, T2).orElseThrow();
        assertEquals(Optional.empty(), RsvpRow.afterAnswer(Optional.of(declined), EVENT, "p", RsvpRow.GOING, T1));

        RsvpRow noShow = RsvpRow.afterNoShow(Optional.empty(), EVENT, "p", T2).orElseThrow();
        assertEquals(new RsvpRow(EVENT, "p", RsvpRow.GOING, true, T2), noShow);
        RsvpRow changedLater = RsvpRow.afterAnswer(Optional.of(noShow), EVENT, "p", RsvpRow.CANCELLED, T2.plusSeconds(1))
                .orElseThrow();
        assertTrue(changedLater.noShow());
    }

    @Test
    void an_event_scheduled_or_moved_to_a_start_more_than_five_minutes_before_is_after_the_fact() {
        Instant start = Instant.parse("2026-03-02T10:00:00Z");
        assertTrue(AfterTheFact.startedBefore(start, start.plusSeconds(301)));
        assertFalse(AfterTheFact.startedBefore(start, start.plusSeconds(300)), "5 minutes late is still on time");
        assertFalse(AfterTheFact.startedBefore(start, start.minusSeconds(86_400)));
    }
}
