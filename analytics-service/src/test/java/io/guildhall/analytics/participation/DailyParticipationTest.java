package io.guildhall.analytics.participation;

import io.guildhall.analytics.participation.DailyParticipation.Uncounted;
import io.guildhall.contracts.contribution.ContributionDirection;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rules 4 and 5 of docs/participation.md, worked by hand (the same examples are in the document). Working window
 * 07:00-20:00 local time; a full-time day is 480 minutes, a 20-hour week's day 240.
 */
class DailyParticipationTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final ParticipationRules RULES = new ParticipationRules(BERLIN, 0.17, Set.of(), Set.of(),
            Map.of("Berlin", BERLIN, "London", LONDON), ParticipationRules.DEFAULT_WORKDAY_START,
            ParticipationRules.DEFAULT_WORKDAY_END, false);
    private static final LocalDate LONG_AGO = LocalDate.of(2020, 1, 1);
    private static final UUID GUILD = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final ProfileHistory BERLINER = person("Berlin", 40);

    @Test
    void a_three_day_conference_counts_at_most_three_working_days() {
        // Monday 23 November 09:00 to Wednesday 25th 17:00 Berlin, attended in full: 56 h = 3,360 minutes.
        // In the window: Monday 09-20 = 660, Tuesday 07-20 = 780, Wednesday 07-17 = 600 (2,040); nights 1,320.
        // Each day capped at 480: 1,440 counted, 180 + 300 + 120 = 600 over the day's work time.
        LedgerEntry conference = attended("2026-11-23T09:00", "2026-11-25T17:00", 3360, BERLIN);

        DailyParticipation days = DailyParticipation.of(BERLINER, List.of(conference), week("2026-11-23"), RULES);

        assertEquals(Map.of(LocalDate.parse("2026-11-23"), 480L, LocalDate.parse("2026-11-24"), 480L,
                LocalDate.parse("2026-11-25"), 480L), byDay(days));
        assertEquals(Map.of(Uncounted.OUTSIDE_WORKING_HOURS, 1320L, Uncounted.OVER_THE_DAYS_WORK_TIME, 600L),
                days.uncounted());
        assertEquals(3360, total(days) + days.uncountedMinutes(), "no minute is dropped silently");
        assertEquals(3, days.daysAtCap().size());
    }

    @Test
    void a_conference_across_a_weekend_and_the_end_of_summer_time() {
        // Friday 23 October 2026 09:00 CEST to Monday 26th 17:00 CET; clocks go back on Sunday 25th at 03:00, so
        // Sunday has 25 hours. 81 h = 4,860 minutes: Friday 900 (window 660), Saturday 1,440 (780), Sunday 1,500
        // (780: the window is 07-20 by the clock), Monday 1,020 (600).
        // Counted: Friday 480 and Monday 480 = 960. Over the day's work time 180 + 120 = 300. The weekend's window
        // minutes 1,560 are not a working day's. Nights: 240 + 660 + 720 + 420 = 2,040.
        LedgerEntry conference = attended("2026-10-23T09:00", "2026-10-26T17:00", 4860, BERLIN);
        Period days19to31 = new Period(Period.Kind.MONTH, LocalDate.parse("2026-10-19"),
                LocalDate.parse("2026-10-31"), "test");

        DailyParticipation days = DailyParticipation.of(BERLINER, List.of(conference), days19to31, RULES);

        assertEquals(Map.of(LocalDate.parse("2026-10-23"), 480L, LocalDate.parse("2026-10-26"), 480L), byDay(days));
        assertEquals(Map.of(Uncounted.OUTSIDE_WORKING_HOURS, 2040L, Uncounted.NOT_A_WORKING_DAY, 1560L,
                Uncounted.OVER_THE_DAYS_WORK_TIME, 300L), days.uncounted());
        assertEquals(4860, total(days) + days.uncountedMinutes());
    }

    @Test
    void a_part_timer_counts_half_a_day_at_most() {
        // 20 h a week: 240 minutes a day. A training Tuesday 09:00-17:00 (480): 240 count, 240 over.
        DailyParticipation days = DailyParticipation.of(person("Berlin", 20),
                List.of(attended("2026-11-24T09:00", "2026-11-24T17:00", 480, BERLIN)), week("2026-11-23"), RULES);

        assertEquals(Map.of(LocalDate.parse("2026-11-24"), 240L), byDay(days));
        assertEquals(Map.of(Uncounted.OVER_THE_DAYS_WORK_TIME, 240L), days.uncounted());
    }

    @Test
    void an_overnight_party_counts_only_its_hour_before_eight() {
        // Thursday 26 November 19:00 to Friday 02:00 (420): 19-20 counts (60); the rest is night.
        DailyParticipation days = DailyParticipation.of(BERLINER,
                List.of(attended("2026-11-26T19:00", "2026-11-27T02:00", 420, BERLIN)), week("2026-11-23"), RULES);

        assertEquals(Map.of(LocalDate.parse("2026-11-26"), 60L), byDay(days));
        assertEquals(Map.of(Uncounted.OUTSIDE_WORKING_HOURS, 360L), days.uncounted());
    }

    @Test
    void a_late_check_in_counts_the_last_part_of_the_event() {
        // 09:00-17:00, checked in at 15:40 by the code: 80 minutes, 15:40-17:00, all inside the window.
        DailyParticipation days = DailyParticipation.of(BERLINER,
                List.of(attended("2026-11-24T09:00", "2026-11-24T17:00", 80, BERLIN)), week("2026-11-23"), RULES);

        assertEquals(Map.of(LocalDate.parse("2026-11-24"), 80L), byDay(days));
        assertTrue(days.uncounted().isEmpty());
    }

    @Test
    void each_persons_days_are_in_their_own_zone() {
        // An evening session 19:00-21:00 Berlin time is 18:00-20:00 in London: all 120 minutes count for a
        // Londoner, 60 for a Berliner (20:00-21:00 is their evening).
        LedgerEntry session = attended("2026-11-24T19:00", "2026-11-24T21:00", 120, BERLIN);

        assertEquals(120, total(DailyParticipation.of(person("London", 40), List.of(session), week("2026-11-23"),
                RULES)));
        assertEquals(60, total(DailyParticipation.of(BERLINER, List.of(session), week("2026-11-23"), RULES)));
    }

    @Test
    void attendance_and_contributions_share_the_days_cap() {
        // Tuesday: a 300-minute training and 300 minutes of mentoring logged; 480 count, shared 240 / 240.
        LedgerEntry training = attended("2026-11-24T09:00", "2026-11-24T14:00", 300, BERLIN);
        LedgerEntry mentoring = new LedgerEntry("p", LocalDate.parse("2026-11-24"), "MENTORING", ContributionDirection.GIVING, GUILD,
                null, 300);

        DailyParticipation days = DailyParticipation.of(BERLINER, List.of(training, mentoring), week("2026-11-23"),
                RULES);

        assertEquals(480, total(days));
        assertEquals(List.of(240, 240), days.counted().stream().map(LedgerEntry::minutes).toList());
        assertEquals(Map.of(Uncounted.OVER_THE_DAYS_WORK_TIME, 120L), days.uncounted());
    }

    @Test
    void a_shared_out_cap_adds_up_exactly() {
        // 3 lines of 100 on a 20-hour day (240): 80 each; 7 lines of 100 on a 480-minute day: 68 or 69, summing 480.
        List<LedgerEntry> three = List.of(logged(100), logged(100), logged(100));
        assertEquals(240, DailyParticipation.shareOut(three, 300, 240, LocalDate.parse("2026-11-24")).stream()
                .mapToInt(LedgerEntry::minutes).sum());
        List<LedgerEntry> seven = List.of(logged(100), logged(100), logged(100), logged(100), logged(100),
                logged(100), logged(100));
        List<LedgerEntry> shared = DailyParticipation.shareOut(seven, 700, 480, LocalDate.parse("2026-11-24"));
        assertEquals(480, shared.stream().mapToInt(LedgerEntry::minutes).sum());
        assertTrue(shared.stream().allMatch(line -> line.minutes() == 68 || line.minutes() == 69));
    }

    @Test
    void two_colleagues_checking_each_other_in_gain_no_more_than_their_days() {
        // Bea organises an 8-hour "event" for Cy on Monday and Cy one for Bea on Tuesday, each 09:00-21:00 (720).
        // Each gains 11 h of window, capped at 480 on the day; the anomaly list names both events (rule 10).
        DailyParticipation cy = DailyParticipation.of(BERLINER,
                List.of(attended("2026-11-23T09:00", "2026-11-23T21:00", 720, BERLIN)), week("2026-11-23"), RULES);

        assertEquals(480, total(cy));
        assertEquals(Map.of(Uncounted.OUTSIDE_WORKING_HOURS, 60L, Uncounted.OVER_THE_DAYS_WORK_TIME, 180L),
                cy.uncounted());
    }

    @Test
    void only_the_days_in_the_period_count() {
        // Sunday 29 November 18:00 to Tuesday 1 December 12:00, reported for November: only Monday 30th (480).
        DailyParticipation november = DailyParticipation.of(BERLINER,
                List.of(attended("2026-11-29T18:00", "2026-12-01T12:00", 2520, BERLIN)),
                Period.month(java.time.YearMonth.of(2026, 11)), RULES);

        assertEquals(Map.of(LocalDate.parse("2026-11-30"), 480L), byDay(november));
    }

    @Test
    void without_a_profile_no_minute_counts() {
        DailyParticipation days = DailyParticipation.of(new ProfileHistory(List.of()),
                List.of(attended("2026-11-24T09:00", "2026-11-24T10:00", 60, BERLIN)), week("2026-11-23"), RULES);

        assertEquals(0, total(days));
        assertEquals(Map.of(Uncounted.NOT_A_WORKING_DAY, 60L), days.uncounted());
    }

    private static Map<LocalDate, Long> byDay(DailyParticipation days) {
        Map<LocalDate, Long> byDay = new TreeMap<>();
        days.counted().forEach(line -> byDay.merge(line.onDate(), (long) line.minutes(), Long::sum));
        return byDay;
    }

    private static long total(DailyParticipation days) {
        return days.counted().stream().mapToLong(LedgerEntry::minutes).sum();
    }

    private static Period week(String monday) {
        return Period.week(LocalDate.parse(monday));
    }

    private static ProfileHistory person(String location, int weeklyHours) {
        return ProfileHistory.of(new ProfileVersion(LONG_AGO, "Engineering", "IC", location, weeklyHours, true));
    }

    private static LedgerEntry attended(String from, String to, int minutes, ZoneId zone) {
        Instant start = LocalDateTime.parse(from).atZone(zone).toInstant();
        Instant end = LocalDateTime.parse(to).atZone(zone).toInstant();
        return new LedgerEntry("p", start.atZone(BERLIN).toLocalDate(), "CONFERENCE", ContributionDirection.TAKING, GUILD,
                UUID.randomUUID(), minutes, start, end);
    }

    private static LedgerEntry logged(int minutes) {
        return new LedgerEntry("p", LocalDate.parse("2026-11-24"), "MENTORING", ContributionDirection.GIVING, GUILD, UUID.randomUUID(),
                minutes);
    }
}
