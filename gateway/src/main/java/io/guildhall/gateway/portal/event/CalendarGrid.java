package io.guildhall.gateway.portal.event;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A week (Monday to Sunday) or a month (the whole weeks that cover it) of days, each with the events that
 * touch it in the viewer's time zone; an event over several days appears on each of them.
 */
public record CalendarGrid(String view, LocalDate anchor, LocalDate first, LocalDate last, String title,
                           LocalDate previous, LocalDate next, List<Day> days) {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_LABEL = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);

    public record Day(LocalDate date, String label, boolean inPeriod, boolean today, List<EventDetail> events) {
    }

    /** The grid's period: [first day 00:00, day after the last 00:00) in {@code zone}. */
    public static CalendarGrid empty(String view, LocalDate anchor, LocalDate today) {
        boolean month = "month".equals(view);
        LocalDate first = month ? anchor.withDayOfMonth(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                : anchor.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate last = month ? anchor.with(TemporalAdjusters.lastDayOfMonth()).with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY))
                : first.plusDays(6);
        String title = month ? anchor.format(MONTH) : "Week of " + first.format(DAY);
        List<Day> days = new ArrayList<>();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            days.add(new Day(d, d.format(DAY_LABEL), !month || d.getMonth() == anchor.getMonth(), d.equals(today), new ArrayList<>()));
        }
        return new CalendarGrid(month ? "month" : "week", anchor, first, last, title,
                month ? anchor.minusMonths(1) : anchor.minusWeeks(1), month ? anchor.plusMonths(1) : anchor.plusWeeks(1), days);
    }

    public Instant from(ZoneId zone) {
        return first.atStartOfDay(zone).toInstant();
    }

    public Instant to(ZoneId zone) {
        return last.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** Places each event on every day of the grid it overlaps; the days' lists end up ordered by start. */
    public CalendarGrid with(List<EventDetail> events, ZoneId zone) {
        List<EventDetail> sorted = new ArrayList<>(events);
        sorted.sort(Comparator.comparing(EventDetail::startsAt));
        for (EventDetail event : sorted) {
            for (Day day : days) {
                Instant dayStart = day.date().atStartOfDay(zone).toInstant();
                Instant dayEnd = day.date().plusDays(1).atStartOfDay(zone).toInstant();
                if (event.startsAt().isBefore(dayEnd) && event.endsAt().isAfter(dayStart)) {
                    day.events().add(event);
                }
            }
        }
        return this;
    }

    /** ISO dates for links (a template's string concatenation would format a LocalDate by locale). */
    public String previousDate() {
        return previous.toString();
    }

    public String nextDate() {
        return next.toString();
    }

    public int eventCount() {
        return (int) days.stream().flatMap(d -> d.events().stream()).map(EventDetail::id).distinct().count();
    }
}
