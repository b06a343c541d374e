package io.guildhall.analytics.report;

import io.guildhall.analytics.participation.LedgerEntry;
import io.guildhall.analytics.participation.ParticipationRules;
import io.guildhall.analytics.participation.Period;
import io.guildhall.analytics.participation.PersonPeriod;
import io.guildhall.analytics.participation.ProfileHistory;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Everyone with a profile over one (elapsed) period, aggregated into groups of people: everyone, each profile grouping
 * (the group of the profile in force on each day) and each community (its members during the period and whoever
 * spent time in it, each with all their work time and the minutes they spent in that community).
 *
 * <p>People are {@link #add added} one at a time, each with all their ledger lines, and folded into the groups at
 * once: the report holds the groups' figures, never the period's ledger (a quarter of a 10,000-person organisation is
 * some 650,000 lines).
 */
final class Population {

    private final Period period;
    private final ParticipationRules rules;
    private final Map<String, Set<UUID>> communitiesOf = new HashMap<>();
    private final PersonIndex index = new PersonIndex();
    private final GroupAggregate everyone;
    private final Map<GroupBy, Map<String, GroupAggregate>> byProfile = new EnumMap<>(GroupBy.class);
    private final Map<UUID, GroupAggregate> byCommunity = new TreeMap<>();
    private final List<String> weeks;
    private final LocalDate firstMonday;

    /**
     * @param members    each community's members during the period
     * @param groupings  the profile groupings to aggregate (not {@link GroupBy#COMMUNITY}: communities always are)
     */
    Population(Period period, ParticipationRules rules, Map<UUID, List<String>> members, Set<GroupBy> groupings) {
        this.period = period;
        this.rules = rules;
        this.weeks = weeks(period);
        this.firstMonday = Period.week(period.start()).start();
        this.everyone = new GroupAggregate(index, weeks);
        members.forEach((community, people) -> people.forEach(person -> communitiesOf
                .computeIfAbsent(person, id -> new TreeSet<>()).add(community)));
        for (GroupBy grouping : groupings) {
            if (grouping != GroupBy.COMMUNITY) {
                byProfile.put(grouping, new TreeMap<>());
            }
        }
    }

    static String weekOf(LocalDate day) {
        return Period.isoWeekLabel(day);
    }

    static List<String> weeks(Period period) {
        return period.weeks().stream().map(week -> weekOf(week.start())).toList();
    }

    /** One person, once, with their profile history and all their ledger lines that touch the period. */
    void add(String personId, ProfileHistory history, List<LedgerEntry> lines) {
        PersonPeriod person = PersonPeriod.of(personId, history, lines, period, rules);
        List<PersonPeriod.ProfiledDay> days = person.profiledDays();
        if (days.isEmpty()) {
            return;
        }
        int weekCount = weeks.size();
        int[] weekOfDay = new int[days.size()];
        long[] work = new long[weekCount];
        long[] participation = new long[weekCount];
        Map<LocalDate, Integer> dayNumbers = new HashMap<>();
        for (int i = 0; i < weekOfDay.length; i++) {
            PersonPeriod.ProfiledDay day = days.get(i);
            weekOfDay[i] = weekNumber(day.date());
            work[weekOfDay[i]] += day.minutes().work();
            participation[weekOfDay[i]] += day.minutes().participation();
            dayNumbers.put(day.date(), weekOfDay[i]);
        }
        everyone.addPerson(personId, work, participation);

        byProfile.forEach((grouping, groups) -> {
            // Usually one group for the whole period; a move mid-period splits the days.
            Map<String, long[][]> perGroup = new HashMap<>(2);
            for (int i = 0; i < weekOfDay.length; i++) {
                PersonPeriod.ProfiledDay day = days.get(i);
                long[][] minutes = perGroup.computeIfAbsent(grouping.groupOf(day.profile()),
                        group -> new long[][]{new long[weekCount], new long[weekCount]});
                minutes[0][weekOfDay[i]] += day.minutes().work();
                minutes[1][weekOfDay[i]] += day.minutes().participation();
            }
            perGroup.forEach((group, minutes) -> groups.computeIfAbsent(group,
                    key -> new GroupAggregate(index, weeks)).addPerson(personId, minutes[0], minutes[1]));
        });

        Set<UUID> involved = new TreeSet<>(communitiesOf.getOrDefault(personId, Set.of()));
        involved.addAll(person.minutesByCommunity().keySet());
        if (involved.isEmpty()) {
            return;
        }
        // In a community: all their work time, and the minutes they spent there.
        Map<UUID, long[]> inCommunity = new HashMap<>();
        for (LedgerEntry entry : person.countedEntries()) {
            Integer week = dayNumbers.get(entry.onDate());
            if (entry.communityId() != null && week != null) {
                inCommunity.computeIfAbsent(entry.communityId(), id -> new long[weekCount])[week] += entry.minutes();
            }
        }
        long[] none = new long[weekCount];
        for (UUID community : involved) {
            byCommunity.computeIfAbsent(community, id -> new GroupAggregate(index, weeks))
                    .addPerson(personId, work, inCommunity.getOrDefault(community, none));
        }
    }

    /** The position of the day's ISO week among the period's weeks. */
    private int weekNumber(LocalDate day) {
        return (int) ((day.toEpochDay() - firstMonday.toEpochDay()) / 7);
    }

    GroupAggregate everyone() {
        return everyone;
    }

    /** The groups of a profile grouping that hold anyone with work time, by name. */
    Map<String, GroupAggregate> byProfile(GroupBy grouping) {
        Map<String, GroupAggregate> groups = new TreeMap<>(byProfile.getOrDefault(grouping, Map.of()));
        groups.values().removeIf(aggregate -> aggregate.people().isEmpty());
        return groups;
    }

    /** The communities that hold anyone with work time, in the order of their ids. */
    Map<UUID, GroupAggregate> byCommunity() {
        Map<UUID, GroupAggregate> groups = new LinkedHashMap<>(byCommunity);
        groups.values().removeIf(aggregate -> aggregate.people().isEmpty());
        return groups;
    }
}
