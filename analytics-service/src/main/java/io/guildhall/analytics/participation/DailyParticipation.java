package io.guildhall.analytics.participation;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Rules 4 and 5 of docs/participation.md: which of a person's ledger minutes count, day by day.
 * <ol>
 *   <li>An attendance is split into the calendar days of the person's time zone (their location's, else the
 *   organisation's). Its minutes are the last {@code minutes} of the event (a self check-in counts from the
 *   check-in to the end); of those, each day keeps the part inside its working window (default 07:00-20:00 local
 *   time; a daylight-saving change moves the window with the clock). The rest is night: outside working hours.</li>
 *   <li>A contribution belongs to its date, whole.</li>
 *   <li>Minutes on a day that is not a working day (weekend, holiday, a day without work time) are outside work time,
 *   unless the organisation counts them; then they are capped like any other day's, at a working day's minutes.</li>
 *   <li>Per day, attendance plus contributions count at most that day's work minutes. Over it, each line keeps its
 *   share of the cap (largest remainder, so that the parts add up to the cap exactly) and the rest is over the day's
 *   work time.</li>
 * </ol>
 * Nothing is dropped silently: every minute of every line is either counted or in {@link #uncounted()} with its
 * reason.
 */
public final class DailyParticipation {

    /** Why minutes were not counted. */
    public enum Uncounted {
        /** Outside the day's working window: nights, early mornings, late evenings. */
        OUTSIDE_WORKING_HOURS,
        /** On a weekend, a holiday or a day the person had no work time. */
        NOT_A_WORKING_DAY,
        /** Beyond the day's work minutes, attendance and contributions together. */
        OVER_THE_DAYS_WORK_TIME
    }

    private final List<LedgerEntry> counted;
    private final Map<Uncounted, Long> uncounted;
    private final Set<LocalDate> daysAtCap;

    private DailyParticipation(List<LedgerEntry> counted, Map<Uncounted, Long> uncounted, Set<LocalDate> daysAtCap) {
        this.counted = counted;
        this.uncounted = uncounted;
        this.daysAtCap = daysAtCap;
    }

    /**
     * @param entries the person's ledger lines; those of categories that do not count, or with no minutes, are
     *                ignored, and so are the parts of lines on days outside the period
     */
    public static DailyParticipation of(ProfileHistory history, List<LedgerEntry> entries, Period period,
                                        ParticipationRules rules) {
        Map<LocalDate, List<LedgerEntry>> pieces = new TreeMap<>();
        Map<Uncounted, Long> uncounted = new EnumMap<>(Uncounted.class);
        for (LedgerEntry entry : entries) {
            if (entry.minutes() <= 0 || !rules.counts(entry.category())) {
                continue;
            }
            if (!entry.timed()) {
                if (period.contains(entry.onDate())) {
                    pieces.computeIfAbsent(entry.onDate(), day -> new ArrayList<>()).add(entry);
                }
                continue;
            }
            ZoneId zone = rules.zoneOf(history.inForce(entry.onDate()));
            for (Map.Entry<LocalDate, AttendedDay> day : attendedDays(entry, zone, rules).entrySet()) {
                if (!period.contains(day.getKey())) {
                    continue;
                }
                AttendedDay attended = day.getValue();
                if (attended.inWindow() > 0) {
                    pieces.computeIfAbsent(day.getKey(), key -> new ArrayList<>())
                            .add(entry.onDay(day.getKey(), Math.toIntExact(attended.inWindow())));
                }
                if (attended.night() > 0) {
                    uncounted.merge(Uncounted.OUTSIDE_WORKING_HOURS, attended.night(), Long::sum);
                }
            }
        }
        List<LedgerEntry> counted = new ArrayList<>();
        Set<LocalDate> daysAtCap = new TreeSet<>();
        pieces.forEach((day, lines) -> {
            long total = lines.stream().mapToLong(LedgerEntry::minutes).sum();
            Optional<ProfileVersion> profile = history.inForce(day);
            long cap;
            if (rules.isWorkingDay(day)) {
                cap = WorkTime.minutesOn(day, history, rules);
            } else {
                cap = rules.countNonWorkingDays() ? profile.map(WorkTime::minutesOfDay).orElse(0L) : 0;
            }
            if (cap <= 0) {
                uncounted.merge(Uncounted.NOT_A_WORKING_DAY, total, Long::sum);
                return;
            }
            if (total <= cap) {
                counted.addAll(lines);
            } else {
                counted.addAll(shareOut(lines, total, cap, day));
                uncounted.merge(Uncounted.OVER_THE_DAYS_WORK_TIME, total - cap, Long::sum);
            }
            if (total >= cap) {
                daysAtCap.add(day);
            }
        });
        return new DailyParticipation(List.copyOf(counted), Collections.unmodifiableMap(uncounted),
                Collections.unmodifiableSet(daysAtCap));
    }

    /** The lines' minutes that count, one line per original line and day (onDate is that day). */
    public List<LedgerEntry> counted() {
        return counted;
    }

    public Map<Uncounted, Long> uncounted() {
        return uncounted;
    }

    public long uncountedMinutes() {
        return uncounted.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Days on which attendance and contributions reached the day's work minutes. */
    public Set<LocalDate> daysAtCap() {
        return daysAtCap;
    }

    /** Of one day: the attended minutes inside the working window, and those outside it. */
    record AttendedDay(long inWindow, long night) {
    }

    /**
     * The attended part of a timed line by local day of the zone, split at the day's working window. The attended
     * part is the last {@code minutes} of the event, {@code [endsAt - minutes, endsAt]}; the parts add up to the
     * line's minutes (a day is 23 or 25 hours long on a daylight-saving change, and the window moves with the clock).
     */
    static Map<LocalDate, AttendedDay> attendedDays(LedgerEntry entry, ZoneId zone, ParticipationRules rules) {
        Instant to = entry.endsAt();
        Instant from = to.minus(Duration.ofMinutes(entry.minutes()));
        Map<LocalDate, AttendedDay> days = new TreeMap<>();
        LocalDate last = to.atZone(zone).toLocalDate();
        for (LocalDate day = from.atZone(zone).toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
            long attended = overlap(from, to, day.atStartOfDay(zone).toInstant(),
                    day.plusDays(1).atStartOfDay(zone).toInstant());
            long inWindow = overlap(from, to, day.atTime(rules.workdayStart()).atZone(zone).toInstant(),
                    day.atTime(rules.workdayEnd()).atZone(zone).toInstant());
            if (attended > 0) {
                days.put(day, new AttendedDay(inWindow, attended - inWindow));
            }
        }
        return days;
    }

    private static long overlap(Instant from, Instant to, Instant windowStart, Instant windowEnd) {
        Instant start = from.isAfter(windowStart) ? from : windowStart;
        Instant end = to.isBefore(windowEnd) ? to : windowEnd;
        return start.isBefore(end) ? Duration.between(start, end).toMinutes() : 0;
    }

    /**
     * The cap shared out in proportion to each line's minutes, in whole minutes that add up to the cap exactly: each
     * line gets the floor of its share, and the minutes left go one each to the lines with the largest remainders
     * (ties: the longer line, then the category, so the result does not depend on the order rows were read).
     */
    static List<LedgerEntry> shareOut(List<LedgerEntry> lines, long total, long cap, LocalDate day) {
        record Part(LedgerEntry line, long floor, long remainder) {
        }
        List<Part> parts = new ArrayList<>();
        long given = 0;
        for (LedgerEntry line : lines) {
            long product = line.minutes() * cap;
            parts.add(new Part(line, product / total, product % total));
            given += product / total;
        }
        List<Part> byRemainder = new ArrayList<>(parts);
        byRemainder.sort(Comparator.comparingLong(Part::remainder).reversed()
                .thenComparing(part -> -part.line().minutes())
                .thenComparing(part -> part.line().category())
                .thenComparing(part -> String.valueOf(part.line().eventId())));
        Map<Part, Long> extra = new java.util.IdentityHashMap<>();
        for (int i = 0; given < cap; i++, given++) {
            extra.merge(byRemainder.get(i % byRemainder.size()), 1L, Long::sum);
        }
        List<LedgerEntry> shared = new ArrayList<>();
        for (Part part : parts) {
            long minutes = part.floor() + extra.getOrDefault(part, 0L);
            if (minutes > 0) {
                shared.add(part.line().onDay(day, Math.toIntExact(minutes)));
            }
        }
        return shared;
    }
}
