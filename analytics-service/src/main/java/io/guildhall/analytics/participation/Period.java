package io.guildhall.analytics.participation;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reporting period: whole calendar days from {@code start} to {@code end}, both inclusive, in the organisation's
 * time zone. Weeks are ISO weeks (Monday to Sunday, week 1 holds the year's first Thursday).
 *
 * <p>Written as {@link #SYNTAX}: {@code week:2026-W48}, {@code month:2026-11}, {@code quarter:2026-Q4},
 * {@code rolling13:2026-W48} (the 13 ISO weeks ending with that one), {@code range:2026-01-01..2026-06-30}; a kind
 * alone ({@code week}, {@code month}, {@code quarter}, {@code rolling13}) is the one that contains today.
 */
public record Period(Kind kind, LocalDate start, LocalDate end, String label) {

    public static final String PARAMETER = "period";
    public static final String SYNTAX = "week[:YYYY-Www] | month[:YYYY-MM] | quarter[:YYYY-Qn] | rolling13[:YYYY-Www]"
            + " | range:YYYY-MM-DD..YYYY-MM-DD";
    /** Longer periods are refused: they would scan years of ledger and no report needs them. */
    public static final int MAXIMUM_YEARS = 2;
    static final int ROLLING_WEEKS = 13;

    private static final Pattern FORM = Pattern.compile("(week|month|quarter|rolling13|range)(?::(.+))?", Pattern.CASE_INSENSITIVE);
    private static final Pattern ISO_WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final Pattern RANGE = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})\\.\\.(\\d{4}-\\d{2}-\\d{2})");

    public enum Kind { WEEK, MONTH, QUARTER, ROLLING13, RANGE }

    public Period {
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("end " + end + " before start " + start);
        }
    }

    /**
     * @param today the organisation's current date: what a bare kind means, and where the future begins
     * @throws InvalidPeriodException when the text is not {@link #SYNTAX}, the period starts after today (a future
     *                                period has nothing to report) or spans more than {@link #MAXIMUM_YEARS} years
     */
    public static Period parse(String text, LocalDate today) {
        Matcher form = FORM.matcher(text == null ? "" : text.trim());
        if (!form.matches()) {
            throw invalid(text, "is not one of " + SYNTAX);
        }
        String argument = form.group(2) == null ? null : form.group(2).toUpperCase(Locale.ROOT);
        Period period = switch (form.group(1).toLowerCase(Locale.ROOT)) {
            case "week" -> week(argument == null ? today : isoWeekMonday(text, argument));
            case "month" -> month(argument == null ? YearMonth.from(today) : yearMonth(text, argument));
            case "quarter" -> quarter(argument == null ? quarterStart(today) : quarterStart(text, argument));
            case "rolling13" -> rolling13(argument == null ? today : isoWeekMonday(text, argument));
            default -> range(text, argument);
        };
        if (period.start().isAfter(today)) {
            throw invalid(text, "starts after the current period (" + today + "); the future has no participation");
        }
        if (period.start().plusYears(MAXIMUM_YEARS).isBefore(period.end().plusDays(1))) {
            throw invalid(text, "spans more than " + MAXIMUM_YEARS + " years");
        }
        return period;
    }

    /** The ISO week that contains {@code day}. */
    public static Period week(LocalDate day) {
        LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return new Period(Kind.WEEK, monday, monday.plusDays(6), "week:" + isoWeekLabel(monday));
    }

    public static Period month(YearMonth month) {
        return new Period(Kind.MONTH, month.atDay(1), month.atEndOfMonth(), "month:" + month);
    }

    /** The quarter that begins on {@code firstDay} (1 January, April, July or October). */
    public static Period quarter(LocalDate firstDay) {
        int quarter = (firstDay.getMonthValue() - 1) / 3 + 1;
        return new Period(Kind.QUARTER, firstDay, firstDay.plusMonths(3).minusDays(1),
                "quarter:" + firstDay.getYear() + "-Q" + quarter);
    }

    /** The 13 ISO weeks that end with the week containing {@code day}. */
    public static Period rolling13(LocalDate day) {
        Period last = week(day);
        return new Period(Kind.ROLLING13, last.start().minusWeeks(ROLLING_WEEKS - 1L), last.end(),
                "rolling13:" + isoWeekLabel(last.start()));
    }

    /**
     * The ISO label of the week containing {@code day}, e.g. {@code 2026-W48}. Called for every ledger line of a
     * report: built by hand, since {@code String.format} (a regex parse per call) was two thirds of an oversight
     * request's CPU in the scale benchmark's profile.
     */
    public static String isoWeekLabel(LocalDate day) {
        int week = day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
        return day.get(IsoFields.WEEK_BASED_YEAR) + (week < 10 ? "-W0" : "-W") + week;
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(start) && !day.isAfter(end);
    }

    /** The days of the period. */
    public List<LocalDate> days() {
        return start.datesUntil(end.plusDays(1)).toList();
    }

    /** The period up to and including {@code today}: work time that has not happened yet is not owed yet. */
    public Period elapsedBy(LocalDate today) {
        return today.isBefore(end) ? new Period(kind, start, today.isBefore(start) ? start : today, label) : this;
    }

    /** The ISO weeks the period touches, each cut to the period (a month starts and ends mid-week). */
    public List<Period> weeks() {
        List<Period> weeks = new ArrayList<>();
        for (LocalDate monday = week(start).start(); !monday.isAfter(end); monday = monday.plusWeeks(1)) {
            LocalDate from = monday.isBefore(start) ? start : monday;
            LocalDate to = monday.plusDays(6).isAfter(end) ? end : monday.plusDays(6);
            weeks.add(new Period(Kind.WEEK, from, to, "week:" + isoWeekLabel(monday)));
        }
        return weeks;
    }

    private static LocalDate isoWeekMonday(String text, String argument) {
        Matcher week = ISO_WEEK.matcher(argument);
        if (!week.matches()) {
            throw invalid(text, "needs an ISO week like 2026-W48");
        }
        LocalDate fourthOfJanuary = LocalDate.of(Integer.parseInt(week.group(1)), 1, 4);
        int number = Integer.parseInt(week.group(2));
        if (!IsoFields.WEEK_OF_WEEK_BASED_YEAR.rangeRefinedBy(fourthOfJanuary).isValidIntValue(number)) {
            throw invalid(text, "names a week that year does not have");
        }
        return fourthOfJanuary.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, number).with(DayOfWeek.MONDAY);
    }

    private static YearMonth yearMonth(String text, String argument) {
        try {
            return YearMonth.parse(argument);
        } catch (DateTimeParseException e) {
            throw invalid(text, "needs a month like 2026-11");
        }
    }

    private static LocalDate quarterStart(LocalDate day) {
        return LocalDate.of(day.getYear(), (day.getMonthValue() - 1) / 3 * 3 + 1, 1);
    }

    private static LocalDate quarterStart(String text, String argument) {
        Matcher quarter = QUARTER.matcher(argument);
        if (!quarter.matches()) {
            throw invalid(text, "needs a quarter like 2026-Q4");
        }
        return LocalDate.of(Integer.parseInt(quarter.group(1)), (Integer.parseInt(quarter.group(2)) - 1) * 3 + 1, 1);
    }

    private static Period range(String text, String argument) {
        Matcher range = argument == null ? null : RANGE.matcher(argument);
        if (range == null || !range.matches()) {
            throw invalid(text, "needs two ISO dates like range:2026-01-01..2026-06-30");
        }
        try {
            LocalDate from = LocalDate.parse(range.group(1));
            LocalDate to = LocalDate.parse(range.group(2));
            if (to.isBefore(from)) {
                throw invalid(text, "ends before it starts");
            }
            return new Period(Kind.RANGE, from, to, "range:" + from + ".." + to);
        } catch (DateTimeParseException e) {
            throw invalid(text, "has a date that does not exist");
        }
    }

    private static InvalidPeriodException invalid(String text, String why) {
        return new InvalidPeriodException("Parameter period '" + text + "' " + why + ".");
    }
}
