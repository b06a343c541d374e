package io.guildhall.analytics.report;

import io.guildhall.analytics.participation.LedgerEntry;
import io.guildhall.analytics.participation.ParticipationRules;
import io.guildhall.analytics.participation.Period;
import io.guildhall.analytics.participation.PersonPeriod;
import io.guildhall.analytics.participation.ProfileHistory;
import io.guildhall.analytics.participation.ProfileVersion;
import io.guildhall.analytics.participation.WorkTime;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
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
    private final CommunityNumbers communityNumbers;
    /** Each person's communities (by number) during the period. */
    private final Map<String, int[]> communitiesOf = new HashMap<>();
    private final PersonIndex index = new PersonIndex();
    private final GroupAggregate everyone;
    private final Map<GroupBy, Map<String, GroupAggregate>> byProfile = new EnumMap<>(GroupBy.class);
    /** By community number; null where nobody is in the community. */
    private final List<GroupAggregate> byCommunity = new ArrayList<>();
    /** One person's minutes per community (by number) while they are folded in, and which they touched. */
    private long[] spent = new long[0];
    private boolean[] member = new boolean[0];
    /** Each person's work minutes per week, by person number: what a community's weeks are summed from. */
    private final List<long[]> workByNumber = new ArrayList<>();
    private final List<String> weeks;
    private final LocalDate firstMonday;
    /** Per day of the period: whether it is a working day, and the number of its week. */
    private final boolean[] workingDays;
    private final int[] weekOfDay;
    /** Per week of the period: its first and last day (indexes) in the period, and how many are working days. */
    private final int[] weekFirstDay;
    private final int[] weekLastDay;
    private final int[] workingDaysInWeek;

    /**
     * @param members    each community's members during the period
     * @param groupings  the profile groupings to aggregate (not {@link GroupBy#COMMUNITY}: communities always are)
     */
    Population(Period period, ParticipationRules rules, Map<UUID, List<String>> members, Set<GroupBy> groupings,
               CommunityNumbers communityNumbers) {
        this.communityNumbers = communityNumbers;
        this.period = period;
        this.rules = rules;
        this.weeks = weeks(period);
        this.firstMonday = Period.week(period.start()).start();
        this.everyone = new GroupAggregate(index, weeks);
        List<LocalDate> days = period.days();
        this.workingDays = new boolean[days.size()];
        this.weekOfDay = new int[days.size()];
        this.weekFirstDay = new int[weeks.size()];
        this.weekLastDay = new int[weeks.size()];
        this.workingDaysInWeek = new int[weeks.size()];
        Arrays.fill(weekFirstDay, -1);
        for (int i = 0; i < days.size(); i++) {
            workingDays[i] = rules.isWorkingDay(days.get(i));
            int week = weekNumber(days.get(i));
            weekOfDay[i] = week;
            if (weekFirstDay[week] < 0) {
                weekFirstDay[week] = i;
            }
            weekLastDay[week] = i;
            workingDaysInWeek[week] += workingDays[i] ? 1 : 0;
        }
        Map<String, Set<Integer>> memberships = new HashMap<>();
        members.forEach((community, people) -> people.forEach(person -> memberships
                .computeIfAbsent(person, id -> new TreeSet<>()).add(communityNumbers.numberOf(community))));
        memberships.forEach((person, numbers) -> communitiesOf.put(person,
                numbers.stream().mapToInt(Integer::intValue).toArray()));
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
        long[] work = new long[weekCount];
        long[] participation = new long[weekCount];
        Map<ProfileVersion, Part> parts = new LinkedHashMap<>(2);
        for (PersonPeriod.ProfiledDay day : days) {
            int week = weekNumber(day.date());
            work[week] += day.minutes().work();
            participation[week] += day.minutes().participation();
            Part part = parts.computeIfAbsent(day.profile(), profile -> new Part(profile, new long[weekCount],
                    new long[weekCount]));
            part.work()[week] += day.minutes().work();
            part.participation()[week] += day.minutes().participation();
        }
        inCommunities.clear();
        for (LedgerEntry entry : person.countedEntries()) {
            if (entry.communityId() != null && period.contains(entry.onDate())) {
                inCommunities.add(communityNumbers.numberOf(entry.communityId()), weekNumber(entry.onDate()),
                        entry.minutes());
            }
        }
        fold(personId, work, participation, List.copyOf(parts.values()));
    }

    /**
     * One person, once, with their profile history and their counted minutes per day (the {@link CountedDays} the
     * day rules gave for their ledger): the same as {@link #add} for the same ledger, without applying the rules
     * again. Work time is taken per stretch of days under one profile version.
     */
    void addCounted(String personId, ProfileHistory history, CountedDays.Days counted) {
        int weekCount = weeks.size();
        long start = period.start().toEpochDay();
        long end = period.end().toEpochDay();
        List<ProfileVersion> versions = history.versions();
        List<Part> parts = new ArrayList<>(1);
        int entry = counted.firstOnOrAfter(start);
        for (int v = 0; v < versions.size(); v++) {
            ProfileVersion version = versions.get(v);
            long from = Math.max(start, version.effectiveFrom().toEpochDay());
            long to = Math.min(end, v + 1 < versions.size() ? versions.get(v + 1).effectiveFrom().toEpochDay() - 1
                    : end);
            if (from > to) {
                continue;
            }
            long[] partWork = new long[weekCount];
            long[] partParticipation = new long[weekCount];
            boolean any = workTime((int) (from - start), (int) (to - start), WorkTime.minutesOfDay(version), partWork);
            while (entry < counted.size() && counted.days()[entry] < from) {
                entry++;
            }
            for (; entry < counted.size() && counted.days()[entry] <= to; entry++) {
                partParticipation[weekOfDay[(int) (counted.days()[entry] - start)]] += counted.minutes()[entry];
                any |= counted.minutes()[entry] > 0;
            }
            if (any) {
                parts.add(new Part(version, partWork, partParticipation));
            }
        }
        if (parts.isEmpty()) {
            return;
        }
        long[] work = parts.get(0).work();
        long[] participation = parts.get(0).participation();
        if (parts.size() > 1) {
            work = new long[weekCount];
            participation = new long[weekCount];
            for (Part part : parts) {
                for (int week = 0; week < weekCount; week++) {
                    work[week] += part.work()[week];
                    participation[week] += part.participation()[week];
                }
            }
        }
        inCommunities.clear();
        for (int i = counted.firstOnOrAfter(start); i < counted.size() && counted.days()[i] <= end; i++) {
            int community = counted.communities()[i];
            if (community >= 0) {
                inCommunities.add(community, weekOfDay[(int) (counted.days()[i] - start)], counted.minutes()[i]);
            }
        }
        fold(personId, work, participation, parts);
    }

    /**
     * Adds the work minutes of the period's days {@code first..last} (indexes) under a profile with
     * {@code minutesOfDay} a working day, by week: whole weeks by their count of working days, the ends day by day.
     *
     * @return whether any day had work time
     */
    private boolean workTime(int first, int last, long minutesOfDay, long[] byWeek) {
        if (minutesOfDay <= 0) {
            return false;
        }
        boolean any = false;
        int day = first;
        while (day <= last) {
            int week = weekOfDay[day];
            if (day == weekFirstDay[week] && weekLastDay[week] <= last) {
                byWeek[week] += minutesOfDay * workingDaysInWeek[week];
                any |= workingDaysInWeek[week] > 0;
                day = weekLastDay[week] + 1;
            } else {
                if (workingDays[day]) {
                    byWeek[week] += minutesOfDay;
                    any = true;
                }
                day++;
            }
        }
        return any;
    }

    /**
     * The minutes the person being added spent in communities (by number), by week of the period: one buffer reused
     * for everyone (a two-year oversight adds about a million such days; a record each was a tenth of its time).
     */
    private static final class CommunityDays {

        private int size;
        private int[] communities = new int[64];
        private int[] weeks = new int[64];
        private long[] minutes = new long[64];

        void clear() {
            size = 0;
        }

        void add(int community, int week, long spent) {
            if (size == communities.length) {
                communities = Arrays.copyOf(communities, size * 2);
                weeks = Arrays.copyOf(weeks, size * 2);
                minutes = Arrays.copyOf(minutes, size * 2);
            }
            communities[size] = community;
            weeks[size] = week;
            minutes[size] = spent;
            size++;
        }
    }

    private final CommunityDays inCommunities = new CommunityDays();

    /** A person's minutes by week under one profile version (only versions in force on a day with minutes). */
    private record Part(ProfileVersion profile, long[] work, long[] participation) {
    }

    /** Adds the person to every group, with their communities' minutes in {@link #inCommunities}. */
    private void fold(String personId, long[] work, long[] participation, List<Part> parts) {
        int number = index.numberOf(personId);
        int weekCount = weeks.size();
        long workTotal = 0;
        for (long minutes : work) {
            workTotal += minutes;
        }
        everyone.addPerson(number, work, participation);
        while (workByNumber.size() <= number) {
            workByNumber.add(null);
        }
        workByNumber.set(number, work);

        byProfile.forEach((grouping, groups) -> {
            String only = onlyGroup(grouping, parts);
            if (only != null) {
                groups.computeIfAbsent(only, key -> new GroupAggregate(index, weeks))
                        .addPerson(number, work, participation);
                return;
            }
            // A move mid-period splits the days.
            Map<String, long[][]> perGroup = new HashMap<>(4);
            for (Part part : parts) {
                long[][] minutes = perGroup.computeIfAbsent(grouping.groupOf(part.profile()),
                        group -> new long[][]{new long[weekCount], new long[weekCount]});
                for (int week = 0; week < weekCount; week++) {
                    minutes[0][week] += part.work()[week];
                    minutes[1][week] += part.participation()[week];
                }
            }
            perGroup.forEach((group, minutes) -> groups.computeIfAbsent(group,
                    key -> new GroupAggregate(index, weeks)).addPerson(number, minutes[0], minutes[1]));
        });

        // In a community: all their work time, and the minutes they spent there.
        if (spent.length < communityNumbers.size()) {
            spent = new long[communityNumbers.size()];
            member = new boolean[communityNumbers.size()];
        }
        int[] memberOf = communitiesOf.getOrDefault(personId, NO_COMMUNITIES);
        for (int community : memberOf) {
            member[community] = true;
        }
        CommunityDays days = inCommunities;
        for (int i = 0; i < days.size; i++) {
            spent[days.communities[i]] += days.minutes[i];
            if (work[days.weeks[i]] > 0) {
                community(days.communities[i]).addWeekParticipation(days.weeks[i], days.minutes[i]);
            }
        }
        for (int community : memberOf) {
            community(community).addMember(number, workTotal, spent[community]);
        }
        for (int i = 0; i < days.size; i++) {
            int community = days.communities[i];
            if (!member[community] && spent[community] > 0) {
                community(community).addMember(number, workTotal, spent[community]);
            }
            spent[community] = 0;
        }
        for (int community : memberOf) {
            member[community] = false;
            spent[community] = 0;
        }
    }

    private static final int[] NO_COMMUNITIES = new int[0];

    private GroupAggregate community(int number) {
        while (byCommunity.size() <= number) {
            byCommunity.add(null);
        }
        GroupAggregate group = byCommunity.get(number);
        if (group == null) {
            group = GroupAggregate.sharingWorkOf(everyone, workByNumber, weeks);
            byCommunity.set(number, group);
        }
        return group;
    }

    /** The person's group in the grouping when all their minutes are in one (the usual case), else null. */
    private static String onlyGroup(GroupBy grouping, List<Part> parts) {
        String group = grouping.groupOf(parts.get(0).profile());
        for (int i = 1; i < parts.size(); i++) {
            if (!group.equals(grouping.groupOf(parts.get(i).profile()))) {
                return null;
            }
        }
        return group;
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
        Map<UUID, GroupAggregate> sorted = new TreeMap<>();
        for (int number = 0; number < byCommunity.size(); number++) {
            if (byCommunity.get(number) != null) {
                sorted.put(communityNumbers.idOf(number), byCommunity.get(number));
            }
        }
        Map<UUID, GroupAggregate> groups = new LinkedHashMap<>(sorted);
        groups.values().removeIf(aggregate -> aggregate.people().isEmpty());
        return groups;
    }
}
