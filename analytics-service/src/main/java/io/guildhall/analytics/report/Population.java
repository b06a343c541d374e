package io.guildhall.analytics.report;

import io.guildhall.analytics.participation.LedgerEntry;
import io.guildhall.analytics.participation.Minutes;
import io.guildhall.analytics.participation.ParticipationRules;
import io.guildhall.analytics.participation.Period;
import io.guildhall.analytics.participation.PersonPeriod;
import io.guildhall.analytics.participation.ProfileHistory;
import io.guildhall.analytics.participation.ProfileVersion;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

/** Everyone with a profile over one (elapsed) period, aggregated into groups of people. */
final class Population {

    private final Map<String, PersonPeriod> people = new LinkedHashMap<>();
    /** Each person's days, computed once: the community grouping walks them once per community. */
    private final Map<String, List<PersonPeriod.Day>> days = new HashMap<>();

    Population(Map<String, ProfileHistory> profiles, List<LedgerEntry> ledger, Period period,
               ParticipationRules rules) {
        Map<String, List<LedgerEntry>> entries = new HashMap<>();
        ledger.forEach(entry -> entries.computeIfAbsent(entry.personId(), id -> new ArrayList<>()).add(entry));
        profiles.forEach((person, history) -> people.put(person,
                PersonPeriod.of(person, history, entries.getOrDefault(person, List.of()), period, rules)));
    }

    private List<PersonPeriod.Day> daysOf(String id) {
        return days.computeIfAbsent(id, key -> people.get(key).days(profile -> ""));
    }

    static String weekOf(LocalDate day) {
        return Period.isoWeekLabel(day);
    }

    static List<String> weeks(Period period) {
        return period.weeks().stream().map(week -> weekOf(week.start())).toList();
    }

    GroupAggregate everyone() {
        GroupAggregate total = new GroupAggregate();
        people.forEach((id, person) -> daysOf(id).forEach(day -> total.add(id, weekOf(day.date()), day.minutes())));
        return total;
    }

    /** Each day of each person in the group their profile put them in that day. */
    Map<String, GroupAggregate> byProfile(Function<ProfileVersion, String> group) {
        Map<String, GroupAggregate> groups = new TreeMap<>();
        people.forEach((id, person) -> person.days(group).forEach(day -> groups
                .computeIfAbsent(day.group(), key -> new GroupAggregate())
                .add(id, weekOf(day.date()), day.minutes())));
        groups.values().removeIf(aggregate -> aggregate.people().isEmpty());
        return groups;
    }

    /**
     * Per community: its members during the period and whoever spent time in it, each with all their work time and
     * the minutes they spent in that community.
     */
    Map<UUID, GroupAggregate> byCommunity(Map<UUID, List<String>> members) {
        // Sorted: the groups' order must not depend on the order rows were stored in (a rebuild stores them in
        // another order than live consumption did).
        Map<UUID, Set<String>> involved = new TreeMap<>();
        members.forEach((community, ids) -> involved.computeIfAbsent(community, key -> new HashSet<>())
                .addAll(ids));
        people.forEach((id, person) -> person.minutesByCommunity().keySet().forEach(community -> involved
                .computeIfAbsent(community, key -> new HashSet<>()).add(id)));
        Map<UUID, GroupAggregate> groups = new LinkedHashMap<>();
        involved.forEach((community, ids) -> {
            GroupAggregate aggregate = new GroupAggregate();
            for (String id : ids) {
                PersonPeriod person = people.get(id);
                if (person == null) {
                    continue;
                }
                Map<LocalDate, Long> inCommunity = new HashMap<>();
                person.countedEntries().stream().filter(entry -> community.equals(entry.communityId()))
                        .forEach(entry -> inCommunity.merge(entry.onDate(), (long) entry.minutes(), Long::sum));
                daysOf(id).forEach(day -> aggregate.add(id, weekOf(day.date()),
                        new Minutes(day.minutes().work(), inCommunity.getOrDefault(day.date(), 0L))));
            }
            if (!aggregate.people().isEmpty()) {
                groups.put(community, aggregate);
            }
        });
        return groups;
    }
}
