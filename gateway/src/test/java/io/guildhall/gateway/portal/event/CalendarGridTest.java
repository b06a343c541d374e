package io.guildhall.gateway.portal.event;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CalendarGridTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void a_month_covers_whole_weeks_from_monday_and_marks_the_days_outside_it() {
        CalendarGrid november = CalendarGrid.empty("month", LocalDate.of(2026, 11, 18), LocalDate.of(2026, 11, 28));
        assertEquals(LocalDate.of(2026, 10, 26), november.first());
        assertEquals(LocalDate.of(2026, 12, 6), november.last());
        assertEquals(42, november.days().size());
        assertFalse(november.days().get(0).inPeriod());
        assertTrue(november.days().get(6).inPeriod(), "Sun 1 Nov");
        assertTrue(november.days().stream().filter(CalendarGrid.Day::today).findFirst().orElseThrow().date()
                .equals(LocalDate.of(2026, 11, 28)));
        assertEquals("2026-10-18", november.previousDate());
        assertEquals("2026-12-18", november.nextDate());
        assertEquals("November 2026", november.title());
    }

    @Test
    void a_week_runs_monday_to_sunday_and_its_period_is_midnight_to_midnight_in_the_viewers_zone() {
        CalendarGrid week = CalendarGrid.empty("week", LocalDate.of(2026, 3, 29), LocalDate.of(2026, 3, 1));
        assertEquals(LocalDate.of(2026, 3, 23), week.first());
        assertEquals(LocalDate.of(2026, 3, 29), week.last());
        assertEquals("2026-03-22T23:00:00Z", week.from(BERLIN).toString());
        // Summer time starts on Sunday 29 March: the week ends at 22:00 UTC.
        assertEquals("2026-03-29T22:00:00Z", week.to(BERLIN).toString());
    }

    @Test
    void an_event_sits_on_every_day_it_touches_in_the_viewers_zone_and_days_are_ordered_by_start() {
        CalendarGrid week = CalendarGrid.empty("week", LocalDate.of(2026, 12, 2), LocalDate.of(2026, 12, 2));
        EventDetail late = event("a", "2026-12-01T18:00:00Z", "2026-12-01T19:00:00Z");
        EventDetail overnight = event("b", "2026-12-01T22:30:00Z", "2026-12-02T01:00:00Z");
        EventDetail early = event("c", "2026-12-01T08:00:00Z", "2026-12-01T09:00:00Z");
        week.with(List.of(late, overnight, early), BERLIN);
        // 22:30 UTC on the 1st is 23:30 in Berlin: the overnight event touches Tuesday and Wednesday.
        assertEquals(List.of("c", "a", "b"), week.days().get(1).events().stream().map(EventDetail::title).toList());
        assertEquals(List.of("b"), week.days().get(2).events().stream().map(EventDetail::title).toList());
        assertEquals(3, week.eventCount());
    }

    private static EventDetail event(String title, String starts, String ends) {
        return new EventDetail(java.util.UUID.randomUUID(), null, title, null, "TRAINING", "ONLINE", null, null,
                java.time.Instant.parse(starts), java.time.Instant.parse(ends), "UTC", null, null, "grace", null,
                "SCHEDULED", 0, 0);
    }
}
