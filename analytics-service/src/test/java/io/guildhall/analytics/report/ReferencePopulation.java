package io.guildhall.analytics.report;

import io.guildhall.analytics.participation.LedgerEntry;
import io.guildhall.analytics.participation.Minutes;
import io.guildhall.analytics.participation.ParticipationRules;
import io.guildhall.analytics.participation.Period;
import io.guildhall.analytics.participation.PersonPeriod;
import io.guildhall.analytics.participation.ProfileHistory;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

/**
 * The straightforward computation the report's {@link Population} must agree with: the whole ledger in memory, each
 * person's days walked once per group, minutes kept per person and per person and week. What the reports computed
 * before they folded people in one at a time.
 */
final class ReferencePopulation {

    /** A group's minutes: per person over the period, and per week per person. */
    record Group(Map<String, Minutes> byPerson, Map<String, Map<String, Minutes>> byWeek) {

        Group() {
            this(new HashMap<>(), new HashMap<>());
        }

        void add(String person, String week, Minutes minutes) {
            byPerson.merge(person, minutes, Minutes::plus);
            byWeek.computeIfAbsent(week, label -> new HashMap<>()).merge(person, minutes, Minutes::plus);
        }

        Set<String> people() {
            return withWork(byPerson);
        }

        Set<String> peopleIn(String week) {
            return withWork(byWeek.getOrDefault(week, Map.of()));
        }

        Minutes total() {
            return people().stream().map(byPerson::get).reduce(Minutes.NONE, Minutes::plus);
        }

        Minutes totalIn(String week) {
            Map<String, Minutes> people = byWeek.getOrDefault(week, Map.of());
            return peopleIn(week).stream().map(people::get).reduce(Minutes.NONE, Minutes::plus);
        }

        private static Set<String> withWork(Map<String, Minutes> minutes) {
            Set<String> people = new java.util.HashSet<>();
            minutes.forEach((person, figures) -> {
                if (figures.work() > 0) {
                    people.add(person);
                }
            });
            return people;
        }
    }

    private final Map<String, PersonPeriod> people = new TreeMap<>();

    ReferencePopulation(Map<String, ProfileHistory> profiles, List<LedgerEntry> ledger, Period period,
                        ParticipationRules rules) {
        profiles.forEach((person, history) -> people.put(person, PersonPeriod.of(person, history,
                ledger.stream().filter(line -> line.personId().equals(person)).toList(), period, rules)));
    }

    Group everyone() {
        Group total = new Group();
        people.forEach((id, person) -> person.days(profile -> "").forEach(day ->
                total.add(id, Period.isoWeekLabel(day.date()), day.minutes())));
        return total;
    }

    Map<String, Group> byProfile(Function<io.guildhall.analytics.participation.ProfileVersion, String> groupOf) {
        Map<String, Group> groups = new TreeMap<>();
        people.forEach((id, person) -> person.days(groupOf).forEach(day -> groups
                .computeIfAbsent(day.group(), key -> new Group())
                .add(id, Period.isoWeekLabel(day.date()), day.minutes())));
        groups.values().removeIf(group -> group.people().isEmpty());
        return groups;
    }

    Map<UUID, Group> byCommunity(Map<UUID, List<String>> members) {
        Map<UUID, Set<String>> involved = new TreeMap<>();
        members.forEach((community, ids) -> involved.computeIfAbsent(community, key -> new java.util.HashSet<>())
                .addAll(ids));
        people.forEach((id, person) -> person.minutesByCommunity().keySet().forEach(community -> involved
                .computeIfAbsent(community, key -> new java.util.HashSet<>()).add(id)));
        Map<UUID, Group> groups = new TreeMap<>();
        involved.forEach((community, ids) -> {
            Group group = new Group();
            for (String id : ids) {
                PersonPeriod person = people.get(id);
                if (person == null) {
                    continue;
                }
                Map<LocalDate, Long> inCommunity = new HashMap<>();
                person.countedEntries().stream().filter(entry -> community.equals(entry.communityId()))
                        .forEach(entry -> inCommunity.merge(entry.onDate(), (long) entry.minutes(), Long::sum));
                person.days(profile -> "").forEach(day -> group.add(id, Period.isoWeekLabel(day.date()),
                        new Minutes(day.minutes().work(), inCommunity.getOrDefault(day.date(), 0L))));
            }
            if (!group.people().isEmpty()) {
                groups.put(community, group);
            }
        });
        return groups;
    }
}
