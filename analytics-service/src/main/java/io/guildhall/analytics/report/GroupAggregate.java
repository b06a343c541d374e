package io.guildhall.analytics.report;

import io.guildhall.analytics.participation.Minutes;
import io.guildhall.analytics.participation.ParticipationRules;
import io.guildhall.analytics.participation.Share;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A group's minutes per person over the period, and per ISO week the people with work time in it and their minutes:
 * what its figures are taken from. People are added whole, one at a time ({@link #addPerson}), so a week keeps a bit
 * set of people and two sums instead of every person's minutes; weeks are numbered in the order of the period's
 * {@code weeks}, people by their {@link PersonIndex} number.
 *
 * <p>Each person's totals are kept in arrays in the order people were added, not in a map: the scale benchmark's
 * profile (10,000 people, 100 communities, each person in most of them over a year) spent half an oversight request
 * hashing person ids into per-group maps.
 *
 * <p>A group whose members bring all their work time ({@link #sharingWorkOf a community}) does not keep weeks of its
 * own: a week's people are its members among those with work time that week (the whole population's week), and its
 * work minutes are the sum of its members' weeks, worked out only if a figure asks for them.
 */
final class GroupAggregate {

    private static final double MINUTES_PER_HOUR = 60.0;

    private final PersonIndex index;
    private final Map<String, Integer> weekNumbers = new HashMap<>();
    private final int weekCount;
    private final BitSet members = new BitSet();
    private final BitSet withWork = new BitSet();
    private int size;
    private int[] numbers = new int[16];
    private long[] work = new long[16];
    private long[] participation = new long[16];
    private final long[] weekParticipation;
    /** Own weeks: their people and work minutes; null for a group sharing its members' work time. */
    private final BitSet[] weekPeople;
    private long[] weekWork;
    /** For a group sharing its members' work time: the population and each person's work minutes per week. */
    private final GroupAggregate population;
    private final List<long[]> workByNumber;
    private Minutes total;

    GroupAggregate(PersonIndex index, List<String> weeks) {
        this(index, weeks, null, null);
    }

    private GroupAggregate(PersonIndex index, List<String> weeks, GroupAggregate population,
                           List<long[]> workByNumber) {
        this.index = index;
        for (int i = 0; i < weeks.size(); i++) {
            weekNumbers.put(weeks.get(i), i);
        }
        this.weekCount = weeks.size();
        this.population = population;
        this.workByNumber = workByNumber;
        this.weekPeople = population == null ? new BitSet[weekCount] : null;
        this.weekWork = population == null ? new long[weekCount] : null;
        this.weekParticipation = new long[weekCount];
    }

    /**
     * A group whose members each bring all their work time, as they are in {@code population} (a community: its
     * members' whole work time against the minutes they spent in it).
     *
     * @param workByNumber each person's work minutes per week, by person number, as added to {@code population}
     */
    static GroupAggregate sharingWorkOf(GroupAggregate population, List<long[]> workByNumber, List<String> weeks) {
        return new GroupAggregate(population.index, weeks, population, workByNumber);
    }

    /**
     * One person's minutes in this group by week number, for a person with at least one day in it. A week counts the
     * person (and their minutes) when they had work time in the group that week; the period, when they had any.
     */
    void addPerson(String personId, long[] work, long[] participation) {
        addPerson(index.numberOf(personId), work, participation);
    }

    void addPerson(int number, long[] work, long[] participation) {
        if (population != null) {
            throw new IllegalStateException("a group sharing its members' work time takes members, not weeks");
        }
        long workTotal = 0;
        long participationTotal = 0;
        for (int week = 0; week < weekCount; week++) {
            workTotal += work[week];
            participationTotal += participation[week];
            if (work[week] > 0) {
                if (weekPeople[week] == null) {
                    weekPeople[week] = new BitSet();
                }
                weekPeople[week].set(number);
                weekWork[week] += work[week];
                weekParticipation[week] += participation[week];
            }
        }
        append(number, workTotal, participationTotal);
    }

    /**
     * A member of a group {@link #sharingWorkOf sharing its members' work time}, with all their work time and the
     * minutes they spent in the group over the period; their minutes by week come separately
     * ({@link #addWeekParticipation}).
     */
    void addMember(int number, long workTotal, long participationTotal) {
        append(number, workTotal, participationTotal);
    }

    /**
     * Minutes a member of a group {@link #sharingWorkOf sharing its members' work time} spent in it in a week in
     * which they had work time (a week without work time counts nothing, as in {@link #addPerson}).
     */
    void addWeekParticipation(int week, long minutes) {
        weekParticipation[week] += minutes;
    }

    private void append(int number, long workTotal, long participationTotal) {
        if (members.get(number)) {
            throw new IllegalStateException(index.idOf(number) + " is in this group already");
        }
        members.set(number);
        if (size == numbers.length) {
            numbers = Arrays.copyOf(numbers, size * 2);
            work = Arrays.copyOf(work, size * 2);
            participation = Arrays.copyOf(participation, size * 2);
        }
        numbers[size] = number;
        work[size] = workTotal;
        participation[size] = participationTotal;
        size++;
        if (workTotal > 0) {
            withWork.set(number);
        }
        total = null;
    }

    /** The same with minutes by week label, for callers that have them so. */
    void addPerson(String personId, Map<String, Minutes> weeks) {
        if (weeks.isEmpty()) {
            return;
        }
        long[] work = new long[weekCount];
        long[] participation = new long[weekCount];
        weeks.forEach((label, minutes) -> {
            int week = weekNumbers.get(label);
            work[week] += minutes.work();
            participation[week] += minutes.participation();
        });
        addPerson(personId, work, participation);
    }

    /** People with work time in the group: only they have a share to count. */
    Set<String> people() {
        return index.people(withWork);
    }

    Set<String> peopleIn(String week) {
        Integer number = weekNumbers.get(week);
        BitSet people = number == null ? null : weekPeopleOf(number);
        return people == null ? Set.of() : index.people(people);
    }

    private BitSet weekPeopleOf(int week) {
        if (population == null) {
            return weekPeople[week];
        }
        // Worked out on each call and not kept: a hundred communities' weeks of two years as bit sets of 10,000
        // people are 13 MB a report, and each week's are needed only while that week is decided.
        BitSet everyone = population.weekPeopleOf(week);
        if (everyone == null) {
            return null;
        }
        BitSet inWeek = (BitSet) members.clone();
        inWeek.and(everyone);
        return inWeek;
    }

    /** Each person's minutes in the group over the period, work time or not. */
    Map<String, Minutes> byPerson() {
        Map<String, Minutes> byPerson = new LinkedHashMap<>();
        for (int i = 0; i < size; i++) {
            byPerson.put(index.idOf(numbers[i]), new Minutes(work[i], participation[i]));
        }
        return byPerson;
    }

    Minutes total() {
        if (total == null) {
            long workTotal = 0;
            long participationTotal = 0;
            for (int i = 0; i < size; i++) {
                if (work[i] > 0) {
                    workTotal += work[i];
                    participationTotal += participation[i];
                }
            }
            total = new Minutes(workTotal, participationTotal);
        }
        return total;
    }

    Minutes totalIn(String week) {
        Integer number = weekNumbers.get(week);
        return number == null ? Minutes.NONE : new Minutes(weekWork()[number], weekParticipation[number]);
    }

    /**
     * For a group sharing its members' work time: the sum of its members' weeks, or, when it holds most of the
     * population (the scale benchmark's people attend nearly every community in a year), the population's weeks less
     * those of the people outside it.
     */
    private long[] weekWork() {
        if (weekWork == null) {
            long[] sums = new long[weekCount];
            if (size > population.size / 2) {
                System.arraycopy(population.weekWork(), 0, sums, 0, weekCount);
                BitSet outside = (BitSet) population.members.clone();
                outside.andNot(members);
                for (int person = outside.nextSetBit(0); person >= 0; person = outside.nextSetBit(person + 1)) {
                    subtract(sums, workByNumber.get(person));
                }
            } else {
                for (int i = 0; i < size; i++) {
                    add(sums, workByNumber.get(numbers[i]));
                }
            }
            weekWork = sums;
        }
        return weekWork;
    }

    private void add(long[] sums, long[] weeks) {
        for (int week = 0; week < weekCount; week++) {
            sums[week] += weeks[week];
        }
    }

    private void subtract(long[] sums, long[] weeks) {
        for (int week = 0; week < weekCount; week++) {
            sums[week] -= weeks[week];
        }
    }

    /** The figures, with the weeks in {@code hiddenWeeks} suppressed; the caller decided the group is visible. */
    GroupFigures figures(String group, List<String> weeks, Set<String> hiddenWeeks, ParticipationRules rules) {
        double[] values = new double[withWork.cardinality()];
        int counted = 0;
        double atOrAbove = 0;
        double over = 0;
        double participating = 0;
        for (int i = 0; i < size; i++) {
            if (work[i] > 0) {
                Share share = Share.of(participation[i], work[i], rules);
                values[counted++] = share.value();
                atOrAbove += share.atOrAboveTarget() ? 1 : 0;
                over += share.value() > rules.overParticipationShare() ? 1 : 0;
                participating += share.participationMinutes() > 0 ? 1 : 0;
            }
        }
        Arrays.sort(values);
        double mean = Arrays.stream(values).average().orElse(0);
        Minutes total = total();
        return new GroupFigures(group, false, counted, participating / counted, mean, median(values),
                atOrAbove / counted, over / counted, total.participation() / MINUTES_PER_HOUR,
                total.work(), total.participation(), trend(weeks, hiddenWeeks, rules));
    }

    List<TrendPoint> trend(List<String> weeks, Set<String> hiddenWeeks, ParticipationRules rules) {
        List<TrendPoint> trend = new ArrayList<>();
        for (String week : weeks) {
            trend.add(hiddenWeeks.contains(week) ? new TrendPoint(week, true, null)
                    : new TrendPoint(week, false, totalIn(week).share(rules).value()));
        }
        return trend;
    }

    static Double median(double[] sorted) {
        if (sorted.length == 0) {
            return null;
        }
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
