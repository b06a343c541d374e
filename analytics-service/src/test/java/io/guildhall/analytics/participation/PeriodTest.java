package io.guildhall.analytics.participation;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PeriodTest {

    /** A Saturday in ISO week 2026-W48 (Monday 23 to Sunday 29 November). */
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 28);

    @Test
    void an_iso_week_runs_monday_to_sunday() {
        Period week = Period.parse("week:2026-W48", TODAY);

        assertEquals(LocalDate.of(2026, 11, 23), week.start());
        assertEquals(LocalDate.of(2026, 11, 29), week.end());
        assertEquals("week:2026-W48", week.label());
    }

    @Test
    void week_one_holds_the_years_first_thursday() {
        // 1 January 2026 is a Thursday, so 2026-W01 starts on Monday 29 December 2025.
        Period week = Period.parse("week:2026-W01", TODAY);

        assertEquals(LocalDate.of(2025, 12, 29), week.start());
        assertEquals(LocalDate.of(2026, 1, 4), week.end());
    }

    @Test
    void a_year_has_week53_only_when_the_calendar_says_so() {
        // 2026 starts on a Thursday: 53 weeks. 2025 starts on a Wednesday and is no leap year: 52.
        assertEquals(LocalDate.of(2026, 12, 28), Period.parse("week:2026-W53", LocalDate.of(2027, 6, 1)).start());
        assertThrows(InvalidPeriodException.class, () -> Period.parse("week:2025-W53", TODAY));
    }

    @Test
    void months_and_quarters_are_calendar_ones() {
        Period february = Period.parse("month:2026-02", TODAY);
        Period q4 = Period.parse("quarter:2026-Q4", TODAY);

        assertEquals(List.of(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 28)),
                List.of(february.start(), february.end()));
        assertEquals(List.of(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 12, 31)), List.of(q4.start(), q4.end()));
    }

    @Test
    void rolling_thirteen_weeks_end_with_the_current_week() {
        // W48 ends on 29 November; 12 weeks before its Monday (23 November) is Monday 31 August (W36).
        Period rolling = Period.parse("rolling13", TODAY);

        assertEquals(LocalDate.of(2026, 8, 31), rolling.start());
        assertEquals(LocalDate.of(2026, 11, 29), rolling.end());
        assertEquals(13, rolling.weeks().size());
        assertEquals("rolling13:2026-W48", rolling.label());
    }

    @Test
    void a_bare_kind_is_the_current_one() {
        assertEquals("week:2026-W48", Period.parse("week", TODAY).label());
        assertEquals("month:2026-11", Period.parse("month", TODAY).label());
        assertEquals("quarter:2026-Q4", Period.parse(" QUARTER ", TODAY).label());
    }

    @Test
    void a_month_is_split_into_the_iso_weeks_it_touches_cut_to_the_month() {
        // November 2026 starts on a Sunday (the end of W44) and ends on a Monday (the start of W49).
        List<Period> weeks = Period.parse("month:2026-11", TODAY).weeks();

        assertEquals(6, weeks.size());
        assertEquals(List.of(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 1)),
                List.of(weeks.get(0).start(), weeks.get(0).end()));
        assertEquals("week:2026-W44", weeks.get(0).label());
        assertEquals(LocalDate.of(2026, 11, 30), weeks.get(5).start());
        assertEquals(LocalDate.of(2026, 11, 30), weeks.get(5).end());
    }

    @Test
    void an_explicit_range_may_span_up_to_two_years() {
        Period twoYears = Period.parse("range:2024-01-01..2025-12-31", TODAY);

        assertEquals(731, twoYears.days().size());
        assertInvalid("range:2024-01-01..2026-01-01", "more than 2 years");
        assertInvalid("range:2026-03-01..2026-02-01", "ends before it starts");
        assertInvalid("range:2026-02-30..2026-03-01", "does not exist");
    }

    @Test
    void a_period_starting_after_today_is_refused() {
        assertInvalid("week:2026-W49", "starts after the current period");
        assertInvalid("month:2026-12", "starts after the current period");
        assertInvalid("quarter:2027-Q1", "starts after the current period");
    }

    @Test
    void unknown_or_malformed_periods_are_refused_naming_the_parameter() {
        assertInvalid("fortnight", "is not one of");
        assertInvalid("", "is not one of");
        assertInvalid("week:2026-48", "ISO week");
        assertInvalid("month:2026-13", "month like");
        assertInvalid("quarter:2026-Q5", "quarter like");
    }

    @Test
    void the_elapsed_part_of_the_current_period_ends_today() {
        Period month = Period.parse("month:2026-11", TODAY);

        assertEquals(TODAY, month.elapsedBy(TODAY).end());
        Period october = Period.parse("month:2026-10", TODAY);
        assertEquals(october, october.elapsedBy(TODAY));
    }

    private static void assertInvalid(String text, String reason) {
        InvalidPeriodException refused = assertThrows(InvalidPeriodException.class, () -> Period.parse(text, TODAY));
        assertTrue(refused.getMessage().startsWith("Parameter period"), refused.getMessage());
        assertTrue(refused.getMessage().contains(reason), refused.getMessage());
    }

    @Test
    void iso_week_labels_are_zero_padded_and_follow_the_week_based_year_across_new_year() {
        assertEquals("2026-W01", Period.isoWeekLabel(LocalDate.of(2025, 12, 29)));
        assertEquals("2026-W53", Period.isoWeekLabel(LocalDate.of(2027, 1, 3)));
        assertEquals("2020-W53", Period.isoWeekLabel(LocalDate.of(2021, 1, 1)));
        assertEquals("2026-W09", Period.isoWeekLabel(LocalDate.of(2026, 2, 23)));
        assertEquals("2026-W48", Period.isoWeekLabel(TODAY));
        // Every day of several years, against the formatted definition.
        for (LocalDate day = LocalDate.of(2019, 12, 1); day.isBefore(LocalDate.of(2028, 2, 1)); day = day.plusDays(1)) {
            assertEquals("%d-W%02d".formatted(day.get(java.time.temporal.IsoFields.WEEK_BASED_YEAR),
                    day.get(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR)), Period.isoWeekLabel(day), day.toString());
        }
    }
}
