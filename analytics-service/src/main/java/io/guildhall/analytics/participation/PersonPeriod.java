package io.guildhall.analytics.participation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

/**
 * One person's participation in one period: the minutes of their ledger entries that count (a counted category, on
 * the period's days, inside each day's working window and cap; see {@link DailyParticipation}) against their work
 * time, with the profile in force on each day deciding both the day's work minutes and which group (department,
 * level, location) the day belongs to. The minutes that do not count are kept with their reasons.
 */
public final class PersonPeriod {

    private final String personId;
    private final ProfileHistory history;
    private final List<LedgerEntry> counted;
    private final DailyParticipation daily;
    private final Period period;
    private final ParticipationRules rules;
    private final Map<LocalDate, Long> participationByDay = new HashMap<>();

    private PersonPeriod(String personId, ProfileHistory history, DailyParticipation daily, Period period,
                         ParticipationRules rules) {
        this.personId = personId;
        this.history = history;
        this.daily = daily;
        this.counted = daily.counted();
        this.period = period;
        this.rules = rules;
        counted.forEach(entry -> participationByDay.merge(entry.onDate(), (long) entry.minutes(), Long::sum));
    }

    /** @param period the period as far as it has elapsed: future days owe no work time yet */
    public static PersonPeriod of(String personId, ProfileHistory history, List<LedgerEntry> entries, Period period,
                                  ParticipationRules rules) {
        List<LedgerEntry> own = entries.stream().filter(entry -> entry.personId().equals(personId)).toList();
        return new PersonPeriod(personId, history, DailyParticipation.of(history, own, period, rules), period, rules);
    }

    public String personId() {
        return personId;
    }

    /** The counted minutes: one line per ledger entry and day, dated that day. */
    public List<LedgerEntry> countedEntries() {
        return counted;
    }

    /** Minutes that did not count, by reason (rules 4 and 5). */
    public Map<DailyParticipation.Uncounted, Long> uncounted() {
        return daily.uncounted();
    }

    /** Days on which attendance and contributions reached the day's work minutes. */
    public java.util.Set<LocalDate> daysAtCap() {
        return daily.daysAtCap();
    }

    public Minutes minutes() {
        return minutesIn(period);
    }

    public Share share() {
        return minutes().share(rules);
    }

    public Minutes minutesIn(Period part) {
        long participation = counted.stream().filter(entry -> part.contains(entry.onDate()))
                .mapToLong(LedgerEntry::minutes).sum();
        return new Minutes(WorkTime.minutes(history, part, rules), participation);
    }

    /** Minutes per group, a day's work and participation going to the group of the profile in force that day. */
    public Map<String, Minutes> byGroup(Function<ProfileVersion, String> groupOf) {
        Map<String, Minutes> groups = new LinkedHashMap<>();
        for (Day day : days(groupOf)) {
            groups.merge(day.group(), day.minutes(), Minutes::plus);
        }
        return groups;
    }

    /**
     * The days of the period that hold work or participation, each with the group of the profile in force that
     * day. A person with no profile at all has none: without work time they have no share to count in a group.
     */
    public List<Day> days(Function<ProfileVersion, String> groupOf) {
        List<Day> days = new ArrayList<>();
        for (ProfiledDay day : profiledDays()) {
            days.add(new Day(day.date(), groupOf.apply(day.profile()), day.minutes()));
        }
        return days;
    }

    /** The same days with the profile in force on each, for callers that put one day into several groupings. */
    public List<ProfiledDay> profiledDays() {
        List<ProfiledDay> days = new ArrayList<>();
        for (LocalDate day : period.days()) {
            Optional<ProfileVersion> profile = history.inForce(day);
            if (profile.isEmpty()) {
                continue;
            }
            long work = WorkTime.minutesOn(day, history, rules);
            long participation = participationByDay.getOrDefault(day, 0L);
            if (work > 0 || participation > 0) {
                days.add(new ProfiledDay(day, profile.get(), new Minutes(work, participation)));
            }
        }
        return days;
    }

    /** One day of a person's period with the profile in force on it and their minutes. */
    public record ProfiledDay(LocalDate date, ProfileVersion profile, Minutes minutes) {
    }

    /** One day of a person's period: the group they were in and their minutes. */
    public record Day(LocalDate date, String group, Minutes minutes) {
    }

    public Map<String, Long> minutesByCategory() {
        Map<String, Long> categories = new TreeMap<>();
        counted.forEach(entry -> categories.merge(entry.category(), (long) entry.minutes(), Long::sum));
        return categories;
    }

    /** Minutes per community; entries without a community are not in it. */
    public Map<UUID, Long> minutesByCommunity() {
        Map<UUID, Long> communities = new LinkedHashMap<>();
        counted.stream().filter(entry -> entry.communityId() != null)
                .forEach(entry -> communities.merge(entry.communityId(), (long) entry.minutes(), Long::sum));
        return communities;
    }

    public long givingMinutes() {
        return counted.stream().filter(LedgerEntry::giving).mapToLong(LedgerEntry::minutes).sum();
    }

    public long takingMinutes() {
        return counted.stream().filter(entry -> !entry.giving()).mapToLong(LedgerEntry::minutes).sum();
    }
}
