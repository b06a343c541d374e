package io.guildhall.analytics.report;

import io.guildhall.analytics.participation.DailyParticipation;
import io.guildhall.analytics.participation.LedgerEntry;
import io.guildhall.analytics.participation.Minutes;
import io.guildhall.analytics.participation.ParticipationRules;
import io.guildhall.analytics.participation.Period;
import io.guildhall.analytics.participation.ProfileHistory;
import io.guildhall.analytics.participation.ProfileVersion;
import io.guildhall.contracts.contribution.ContributionDirection;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Property: for random organisations (people with effective-dated profiles and department moves, part-time and
 * inactive spells, members of several communities, attendances across midnight, weekends and a daylight-saving
 * change, contributions, days over their work time), the report's population, folded in person by person in any
 * order, has exactly the people and minutes of the straightforward computation, for everyone, every profile grouping
 * and every community, over the period and in every week. Each seed is one organisation; a failure names its seed.
 */
class PopulationMatchesReferenceTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final String[] DEPARTMENTS = {"Sales", "Engineering", "Operations", null};
    private static final String[] LEVELS = {"junior", "senior", ""};
    private static final String[] LOCATIONS = {"Berlin", "London", "New York", null};
    private static final String[] CATEGORIES = {"TRAINING", "SPORTS", "CONFERENCE", "MENTORING"};
    private static final int[] WEEKLY_HOURS = {40, 40, 32, 20, 0};

    @TestFactory
    java.util.stream.Stream<DynamicTest> theFoldedPopulationHasTheReferencesPeopleAndMinutes() {
        return LongStream.rangeClosed(1, 150).mapToObj(seed -> DynamicTest.dynamicTest("organisation " + seed,
                () -> organisation(seed)));
    }

    private static void organisation(long seed) {
        Random random = new Random(seed);
        // Around the end of October: the clocks go back in Berlin and London a week apart from New York.
        LocalDate start = LocalDate.of(2026, 10, 5).plusDays(random.nextInt(35));
        Period period = new Period(Period.Kind.RANGE, start, start.plusDays(6 + random.nextInt(28)), "random");
        ParticipationRules rules = new ParticipationRules(BERLIN, 0.17, random.nextBoolean() ? Set.of()
                : Set.of("TRAINING", "MENTORING", "CONFERENCE"), Set.of(start.plusDays(random.nextInt(10))),
                Map.of("London", ZoneId.of("Europe/London"), "New York", ZoneId.of("America/New_York")),
                LocalTime.of(7, 0), LocalTime.of(20, 0), random.nextInt(4) == 0);

        List<UUID> communities = new ArrayList<>();
        for (int i = 0, n = 1 + random.nextInt(4); i < n; i++) {
            communities.add(new UUID(seed, i));
        }
        Map<String, ProfileHistory> profiles = new LinkedHashMap<>();
        Map<UUID, List<String>> members = new HashMap<>();
        List<LedgerEntry> ledger = new ArrayList<>();
        int people = 3 + random.nextInt(30);
        for (int p = 0; p < people; p++) {
            String person = "person-" + p;
            if (random.nextInt(10) > 0) {
                profiles.put(person, history(random, period));
            }
            for (UUID community : communities) {
                if (random.nextInt(3) == 0) {
                    members.computeIfAbsent(community, id -> new ArrayList<>()).add(person);
                }
            }
            for (int l = 0, lines = random.nextInt(12); l < lines; l++) {
                ledger.add(line(random, person, period, communities));
            }
        }
        members.computeIfAbsent(new UUID(seed, 99), id -> new ArrayList<>()).add("nobody-with-a-profile");

        ReferencePopulation reference = new ReferencePopulation(profiles, ledger, period, rules);
        CommunityNumbers numbers = new CommunityNumbers();
        Population folded = new Population(period, rules, members, EnumSet.allOf(GroupBy.class), numbers);
        List<String> order = new ArrayList<>(profiles.keySet());
        Collections.shuffle(order, random);
        for (String person : order) {
            folded.add(person, profiles.get(person),
                    ledger.stream().filter(line -> line.personId().equals(person)).toList());
        }

        // The same people through the counted days (the day rules applied once, over a wider window, as
        // CountedDays holds them), folded without applying them again.
        Population fromCountedDays = new Population(period, rules, members, EnumSet.allOf(GroupBy.class), numbers);
        Period window = new Period(Period.Kind.RANGE, period.start().minusDays(40), period.end().plusDays(40),
                "window");
        for (String person : order) {
            fromCountedDays.addCounted(person, profiles.get(person), CountedDays.Days.of(DailyParticipation.of(
                    profiles.get(person), ledger.stream().filter(line -> line.personId().equals(person)).toList(),
                    window, rules).counted(), numbers));
        }

        List<String> weeks = Population.weeks(period);
        matches("seed " + seed, reference, folded, members, weeks);
        matches("seed " + seed + " (counted days)", reference, fromCountedDays, members, weeks);
    }

    private static void matches(String where, ReferencePopulation reference, Population folded,
                                Map<UUID, List<String>> members, List<String> weeks) {
        same(where + ", everyone", reference.everyone(), folded.everyone(), weeks);
        for (GroupBy grouping : EnumSet.complementOf(EnumSet.of(GroupBy.COMMUNITY))) {
            Map<String, ReferencePopulation.Group> expected = reference.byProfile(grouping::groupOf);
            Map<String, GroupAggregate> actual = folded.byProfile(grouping);
            assertEquals(List.copyOf(expected.keySet()), List.copyOf(actual.keySet()), where + ", " + grouping);
            expected.forEach((group, figures) -> same(where + ", " + grouping + " " + group, figures,
                    actual.get(group), weeks));
        }
        Map<UUID, ReferencePopulation.Group> expected = reference.byCommunity(members);
        Map<UUID, GroupAggregate> actual = folded.byCommunity();
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(actual.keySet()), where + ", communities");
        expected.forEach((community, figures) -> same(where + ", community " + community, figures,
                actual.get(community), weeks));
    }

    private static void same(String where, ReferencePopulation.Group expected, GroupAggregate actual,
                             List<String> weeks) {
        assertEquals(expected.people(), Set.copyOf(actual.people()), where + ": people");
        assertEquals(expected.total(), actual.total(), where + ": total");
        Map<String, Minutes> expectedByPerson = new HashMap<>(expected.byPerson());
        assertEquals(expectedByPerson, actual.byPerson(), where + ": each person's minutes");
        for (String week : weeks) {
            assertEquals(expected.peopleIn(week), Set.copyOf(actual.peopleIn(week)), where + ": people in " + week);
            assertEquals(expected.totalIn(week), actual.totalIn(week), where + ": total in " + week);
        }
    }

    private static ProfileHistory history(Random random, Period period) {
        List<ProfileVersion> versions = new ArrayList<>();
        LocalDate from = period.start().minusDays(random.nextInt(60) - 10);
        for (int v = 0, n = 1 + random.nextInt(3); v < n; v++) {
            versions.add(new ProfileVersion(from, pick(random, DEPARTMENTS), pick(random, LEVELS),
                    pick(random, LOCATIONS), WEEKLY_HOURS[random.nextInt(WEEKLY_HOURS.length)],
                    random.nextInt(8) > 0));
            from = from.plusDays(1 + random.nextInt(20));
        }
        return new ProfileHistory(versions);
    }

    private static LedgerEntry line(Random random, String person, Period period, List<UUID> communities) {
        LocalDate day = period.start().plusDays(random.nextInt((int) (period.end().toEpochDay()
                - period.start().toEpochDay()) + 5) - 2);
        UUID community = random.nextInt(5) == 0 ? null : communities.get(random.nextInt(communities.size()));
        String category = pick(random, CATEGORIES);
        if (random.nextBoolean()) {
            return new LedgerEntry(person, day, category,
                    random.nextBoolean() ? ContributionDirection.GIVING : ContributionDirection.TAKING, community,
                    null, 15 * (1 + random.nextInt(40)));
        }
        Instant starts = day.atStartOfDay(BERLIN).toInstant().plusSeconds(60L * 15 * random.nextInt(96));
        int length = 30 * (1 + random.nextInt(random.nextInt(10) == 0 ? 100 : 20));
        int attended = random.nextInt(4) == 0 ? length / 2 : length;
        return new LedgerEntry(person, starts.atZone(BERLIN).toLocalDate(), category, ContributionDirection.TAKING, community,
                new UUID(random.nextLong(), random.nextLong()), attended, starts, starts.plusSeconds(60L * length));
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }
}
