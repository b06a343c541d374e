package io.guildhall.analytics.participation;

import io.guildhall.contracts.contribution.ContributionDirection;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The 17 % arithmetic worked by hand. Work minutes per day = weekly hours x 60 / 5 (40 h: 480, 20 h: 240).
 * November 2026 has 21 working days (2-6, 9-13, 16-20, 23-27, 30); Q4 2026 has 22 + 21 + 23 = 66.
 */
class ParticipationArithmeticTest {

    private static final ParticipationRules RULES =
            new ParticipationRules(ZoneId.of("Europe/Berlin"), 0.17, Set.of(), Set.of());
    private static final LocalDate LONG_AGO = LocalDate.of(2020, 1, 1);
    private static final Period W48 = Period.week(LocalDate.of(2026, 11, 23));
    private static final Period NOVEMBER = Period.month(java.time.YearMonth.of(2026, 11));
    private static final Period Q4 = Period.quarter(LocalDate.of(2026, 10, 1));
    private static final UUID JAVA_GUILD = UUID.fromString("00000000-0000-0000-0000-00000000000a");

    @Test
    void a_full_time_week_is_five_days_of480_minutes() {
        // 40 h x 60 x 5 / 5 = 2400; 408 minutes are exactly 17 %.
        PersonPeriod ada = person("ada", fullTime("Engineering"), List.of(attended("ada", "2026-11-24", 408)), W48);

        assertEquals(new Minutes(2400, 408), ada.minutes());
        assertEquals(0.17, ada.share().value(), 1e-12);
        assertEquals(Standing.AT_OR_ABOVE_TARGET, ada.share().standing());
    }

    @Test
    void a_part_time_person_owes_half_the_minutes() {
        // 20 h: 240 a day x 21 working days in November = 5040; 600 / 5040 = 0.1190 < 0.17.
        ProfileHistory partTime = ProfileHistory.of(new ProfileVersion(LONG_AGO, "Sales", "IC", "Berlin", 20, true));
        // Over three days: one day counts at most her 240 (rule 5, DailyParticipationTest).
        PersonPeriod bea = person("bea", partTime, List.of(attended("bea", "2026-11-10", 240),
                attended("bea", "2026-11-11", 240), attended("bea", "2026-11-12", 120)), NOVEMBER);

        assertEquals(new Minutes(5040, 600), bea.minutes());
        assertEquals(600.0 / 5040, bea.share().value(), 1e-12);
        assertEquals(Standing.BELOW_TARGET, bea.share().standing());
    }

    @Test
    void a_change_of_hours_mid_month_splits_the_month() {
        // 40 h for 2-13 November (10 days x 480 = 4800), 20 h from Monday 16th (11 days x 240 = 2640): 7440.
        ProfileHistory history = ProfileHistory.of(
                new ProfileVersion(LONG_AGO, "Sales", "IC", "Berlin", 40, true),
                new ProfileVersion(LocalDate.of(2026, 11, 16), "Sales", "IC", "Berlin", 20, true));

        assertEquals(7440, WorkTime.minutes(history, NOVEMBER, RULES));
    }

    @Test
    void a_department_change_mid_quarter_splits_work_and_participation_by_the_day_they_happened() {
        // Engineering until Friday 13 November: 22 + 10 = 32 days x 480 = 15360, and the training of 14 October.
        // Operations from Monday 16 November: 11 + 23 = 34 days x 480 = 16320, and the meetup of 20 November.
        ProfileHistory history = ProfileHistory.of(
                new ProfileVersion(LONG_AGO, "Engineering", "IC", "Berlin", 40, true),
                new ProfileVersion(LocalDate.of(2026, 11, 16), "Operations", "IC", "Berlin", 40, true));
        PersonPeriod cy = person("cy", history, List.of(
                attended("cy", "2026-10-14", 120), attended("cy", "2026-11-20", 240)), Q4);

        Map<String, Minutes> byDepartment = cy.byGroup(ProfileVersion::department);

        assertEquals(new Minutes(15360, 120), byDepartment.get("Engineering"));
        assertEquals(new Minutes(16320, 240), byDepartment.get("Operations"));
        assertEquals(new Minutes(66 * 480, 360), cy.minutes(), "the whole quarter is the sum of both");
    }

    @Test
    void a_holiday_is_no_work_time_and_participation_on_it_is_outside_work_time() {
        // Thursday 26 November a holiday: 4 x 480 = 1920 work minutes. The 408 minutes of the holiday do not count
        // (rule 4) unless the organisation counts non-working days; they are kept as NOT_A_WORKING_DAY.
        ParticipationRules withHoliday = new ParticipationRules(ZoneId.of("Europe/Berlin"), 0.17, Set.of(),
                Set.of(LocalDate.of(2026, 11, 26)));
        PersonPeriod ada = PersonPeriod.of("ada", fullTime("Engineering"),
                List.of(attended("ada", "2026-11-26", 408)), W48, withHoliday);

        assertEquals(new Minutes(1920, 0), ada.minutes());
        assertEquals(Map.of(DailyParticipation.Uncounted.NOT_A_WORKING_DAY, 408L), ada.uncounted());

        ParticipationRules countingHolidays = new ParticipationRules(withHoliday.zone(), 0.17, Set.of(),
                withHoliday.holidays(), Map.of(), ParticipationRules.DEFAULT_WORKDAY_START,
                ParticipationRules.DEFAULT_WORKDAY_END, true);
        PersonPeriod counted = PersonPeriod.of("ada", fullTime("Engineering"),
                List.of(attended("ada", "2026-11-26", 408)), W48, countingHolidays);
        assertEquals(new Minutes(1920, 408), counted.minutes());
        assertEquals(0.2125, counted.share().value(), 1e-12);
    }

    @Test
    void a_corrected_attendance_counts_its_new_minutes_and_a_withdrawn_one_nothing() {
        // The ledger holds the corrected 90 (was 120) and the withdrawn attendance as 0: 90 / 2400.
        PersonPeriod ada = person("ada", fullTime("Engineering"), List.of(
                attended("ada", "2026-11-24", 90), attended("ada", "2026-11-25", 0)), W48);

        assertEquals(new Minutes(2400, 90), ada.minutes());
        assertEquals(1, ada.countedEntries().size());
    }

    @Test
    void an_erased_person_still_counts_under_their_pseudonym_and_no_longer_under_their_id() {
        // Erasure replaced "dan" by a pseudonym in the ledger and the profile: the department keeps their minutes,
        // a report for "dan" finds nothing.
        String pseudonym = "erased-5f0c";
        List<LedgerEntry> ledger = List.of(attended(pseudonym, "2026-11-24", 300));

        PersonPeriod erased = person(pseudonym, fullTime("Engineering"), ledger, W48);
        PersonPeriod byOldId = person("dan", new ProfileHistory(List.of()), ledger, W48);

        assertEquals(new Minutes(2400, 300), erased.byGroup(ProfileVersion::department).get("Engineering"));
        assertEquals(Minutes.NONE, byOldId.minutes());
        assertEquals(Standing.NO_WORK_TIME, byOldId.share().standing());
        assertNull(byOldId.share().value());
    }

    @Test
    void inactive_days_are_no_work_time() {
        // Deactivated from Wednesday 25 November: Monday and Tuesday remain, 2 x 480 = 960.
        ProfileHistory history = ProfileHistory.of(
                new ProfileVersion(LONG_AGO, "Engineering", "IC", "Berlin", 40, true),
                new ProfileVersion(LocalDate.of(2026, 11, 25), "Engineering", "IC", "Berlin", 40, false));

        assertEquals(960, WorkTime.minutes(history, W48, RULES));
    }

    @Test
    void before_their_first_profile_a_person_has_no_work_time() {
        // Joined on Thursday 26 November: Thursday and Friday count, 2 x 480 = 960.
        ProfileHistory joinedThursday = ProfileHistory.of(
                new ProfileVersion(LocalDate.of(2026, 11, 26), "Engineering", "IC", "Berlin", 40, true));

        assertEquals(960, WorkTime.minutes(joinedThursday, W48, RULES));
    }

    @Test
    void only_counted_categories_count() {
        ParticipationRules trainingOnly = new ParticipationRules(ZoneId.of("Europe/Berlin"), 0.17,
                Set.of("TRAINING"), Set.of());
        PersonPeriod ada = PersonPeriod.of("ada", fullTime("Engineering"), List.of(
                attended("ada", "2026-11-24", 60),
                new LedgerEntry("ada", LocalDate.of(2026, 11, 25), "SPORTS", ContributionDirection.TAKING, null, UUID.randomUUID(), 90)),
                W48, trainingOnly);

        assertEquals(60, ada.minutes().participation());
        assertEquals(Map.of("TRAINING", 60L), ada.minutesByCategory());
    }

    @Test
    void far_above_the_target_is_over_participation() {
        // Over means above 2 x 17 % = 34 %: 816 / 2400 is exactly 34 % (not over), 900 / 2400 = 37.5 % is.
        assertEquals(Standing.AT_OR_ABOVE_TARGET, Share.of(816, 2400, RULES).standing());
        assertEquals(Standing.OVER_PARTICIPATION, Share.of(900, 2400, RULES).standing());
        assertEquals(Standing.BELOW_TARGET, Share.of(407, 2400, RULES).standing());
    }

    @Test
    void no_share_is_above100_percent() {
        // Rule 6: even where non-working days count, more minutes than work time read as 100 %, over-participation.
        Share share = Share.of(3000, 2400, RULES);
        assertEquals(1.0, share.value(), 1e-12);
        assertEquals(Standing.OVER_PARTICIPATION, share.standing());
    }

    @Test
    void giving_and_taking_are_kept_apart_and_communities_summed() {
        PersonPeriod ada = person("ada", fullTime("Engineering"), List.of(
                attended("ada", "2026-11-24", 60),
                new LedgerEntry("ada", LocalDate.of(2026, 11, 25), "MENTORING", ContributionDirection.GIVING, JAVA_GUILD, null, 45),
                new LedgerEntry("ada", LocalDate.of(2026, 11, 26), "LEARNING", ContributionDirection.TAKING, JAVA_GUILD, null, 30)),
                W48);

        assertEquals(45, ada.givingMinutes());
        assertEquals(90, ada.takingMinutes());
        assertEquals(Map.of(JAVA_GUILD, 135L), ada.minutesByCommunity());
    }

    private static PersonPeriod person(String id, ProfileHistory history, List<LedgerEntry> ledger, Period period) {
        return PersonPeriod.of(id, history, ledger, period, RULES);
    }

    private static ProfileHistory fullTime(String department) {
        return ProfileHistory.of(new ProfileVersion(LONG_AGO, department, "IC", "Berlin", 40, true));
    }

    private static LedgerEntry attended(String person, String day, int minutes) {
        return new LedgerEntry(person, LocalDate.parse(day), "TRAINING", ContributionDirection.TAKING, JAVA_GUILD, UUID.randomUUID(),
                minutes);
    }
}
