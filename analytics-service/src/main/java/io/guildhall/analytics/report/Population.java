package io.guildhall.analytics.report;

import io.guildhall.analytics.participation.LedgerEntry;
import io.guildhall.analytics.participation.Minutes;
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
    private final GroupAggregate everyone = new GroupAggregate(index);
    private final Map<GroupBy, Map<String, GroupAggregate>> byProfile = new EnumMap<>(GroupBy.class);
    private final Map<UUID, GroupAggregate> byCommunity = new TreeMap<>();
    private final Map<LocalDate, String> weekLabels = new HashMap<>();

    /**
     * @param members    each community's members during the period
     * @param groupings  the profile groupings to aggregate (not {@link GroupBy#COMMUNITY}: communities always are)
     */
    Population(Period period, ParticipationRules rules, Map<UUID, List<String>> members, Set<GroupBy> groupings) {
        this.period = period;
        this.rules = rules;
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
        String[] weeks = new String[days.size()];
        Map<String, Minutes> all = new LinkedHashMap<>();
        for (int i = 0; i < weeks.length; i++) {
            weeks[i] = weekLabels.computeIfAbsent(days.get(i).date(), Population::weekOf);
            all.merge(weeks[i], days.get(i).minutes(), Minutes::plus);
        }
        everyone.addPerson(personId, all);

        byProfile.forEach((grouping, groups) -> {
            Map<String, Map<String, Minutes>> perGroup = new HashMap<>();
            for (int i = 0; i < weeks.length; i++) {
                PersonPeriod.ProfiledDay day = days.get(i);
                perGroup.computeIfAbsent(grouping.groupOf(day.profile()), group -> new LinkedHashMap<>())
                        .merge(weeks[i], day.minutes(), Minutes::plus);
            }
            perGroup.forEach((group, minutes) -> groups.computeIfAbsent(group, key -> new GroupAggregate(index))
                    .addPerson(personId, minutes));
        });

        Set<UUID> involved = new TreeSet<>(communitiesOf.getOrDefault(personId, Set.of()));
        involved.addAll(person.minutesByCommunity().keySet());
        if (involved.isEmpty()) {
            return;
        }
        Map<UUID, Map<LocalDate, Long>> inCommunity = new HashMap<>();
        for (LedgerEntry entry : person.countedEntries()) {
            if (entry.communityId() != null) {
                inCommunity.computeIfAbsent(entry.communityId(), id -> new HashMap<>())
                        .merge(entry.onDate(), (long) entry.minutes(), Long::sum);
            }
        }
        for (UUID community : involved) {
            Map<LocalDate, Long> minutesThere = inCommunity.getOrDefault(community, Map.of());
            Map<String, Minutes> perWeek = new LinkedHashMap<>();
            for (int i = 0; i < weeks.length; i++) {
                PersonPeriod.ProfiledDay day = days.get(i);
                perWeek.merge(weeks[i], new Minutes(day.minutes().work(), minutesThere.getOrDefault(day.date(), 0L)),
                        Minutes::plus);
            }
            byCommunity.computeIfAbsent(community, id -> new GroupAggregate(index)).addPerson(personId, perWeek);
        }
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
