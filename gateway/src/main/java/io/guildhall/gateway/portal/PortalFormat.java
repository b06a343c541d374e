package io.guildhall.gateway.portal;

import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How pages show the services' values (ISO instants, shares, minutes): {@code ${@fmt.dateTime(e.startsAt, e.timeZone)}},
 * {@code ${@fmt.percent(0.163)}} -> "16.3 %", {@code ${@fmt.hours(95)}} -> "1.6 h". A value that is missing
 * shows as an empty string, never as "null".
 */
@Component("fmt")
public class PortalFormat {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_MONTH = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
    private static final java.util.regex.Pattern ISO_WEEK = java.util.regex.Pattern.compile("(\\d{4})-W(\\d{2})");
    private static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/Berlin");

    public String dateTime(Object instant, Object zone) {
        if (instant == null) {
            return "";
        }
        try {
            return Instant.parse(instant.toString()).atZone(zone(zone)).format(DATE_TIME);
        } catch (DateTimeException e) {
            return instant.toString();
        }
    }

    public String dateTime(Object instant) {
        return dateTime(instant, null);
    }

    public String date(Object isoDateOrInstant) {
        if (isoDateOrInstant == null) {
            return "";
        }
        String text = isoDateOrInstant.toString();
        try {
            return text.length() == 10 ? LocalDate.parse(text).format(DATE) : Instant.parse(text).atZone(DEFAULT_ZONE).format(DATE);
        } catch (DateTimeException e) {
            return text;
        }
    }

    /** A share (0.163) as a percentage with one decimal: "16.3 %". */
    public String percent(Object share) {
        BigDecimal value = number(share);
        return value == null ? "" : value.movePointRight(2).setScale(1, java.math.RoundingMode.HALF_UP).toPlainString() + " %";
    }

    /** A share (0.163) as a percentage number for charts: 16.3. Null stays null (a suppressed value is a gap). */
    public BigDecimal percentValue(Object share) {
        BigDecimal value = number(share);
        return value == null ? null : value.movePointRight(2).setScale(1, java.math.RoundingMode.HALF_UP);
    }

    /** A goal's progress (0..1, may overshoot or be negative) as a whole percentage for a progress bar, 0..100. */
    public int progressPercent(Object progress) {
        BigDecimal value = number(progress);
        return value == null ? 0 : Math.max(0, Math.min(100, value.movePointRight(2).setScale(0, java.math.RoundingMode.HALF_UP).intValue()));
    }

    /** A goal's amount as people write it: "4", "2.5", never "4.00". */
    public String amount(Object value) {
        BigDecimal number = number(value);
        return number == null ? "" : number.stripTrailingZeros().toPlainString();
    }

    /** Minutes as hours with one decimal: "1.6 h". */
    public String hours(Object minutes) {
        BigDecimal value = number(minutes);
        return value == null ? "" : value.divide(BigDecimal.valueOf(60), 1, java.math.RoundingMode.HALF_UP).toPlainString() + " h";
    }

    /** A chart's configuration for {@code data-chart} (see static/portal/charts.js): {@code th:attr="data-chart=${@fmt.json(chart)}"}. */
    public String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    /**
     * An ISO week ("2026-W49") as its days: "30 Nov – 6 Dec", "7–13 Dec"; anything else as it is. Weeks are the
     * organisation's (Monday to Sunday).
     */
    public String week(Object isoWeek) {
        if (isoWeek == null) {
            return "";
        }
        String text = isoWeek.toString();
        java.util.regex.Matcher week = ISO_WEEK.matcher(text);
        if (!week.matches()) {
            return text;
        }
        LocalDate monday = LocalDate.of(Integer.parseInt(week.group(1)), 1, 4)
                .with(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR, Integer.parseInt(week.group(2)))
                .with(java.time.DayOfWeek.MONDAY);
        LocalDate sunday = monday.plusDays(6);
        return monday.getMonth() == sunday.getMonth()
                ? monday.getDayOfMonth() + "–" + sunday.format(DAY_MONTH)
                : monday.format(DAY_MONTH) + " – " + sunday.format(DAY_MONTH);
    }

    /** What a period label ("quarter:2026-Q4", "week:2026-W49") is called in a sentence: "quarter", "week". */
    public String periodNoun(Object period) {
        String kind = period == null ? "" : period.toString().split(":", 2)[0].toLowerCase(Locale.ROOT);
        return switch (kind) {
            case "week", "month", "quarter" -> kind;
            default -> "period";
        };
    }

    /**
     * A group's name as the oversight page shows it: levels by one naming ("IC" is "Individual contributor",
     * "manager" is "Manager"), other groups as the directory spells them.
     */
    public String group(Object groupBy, Object name) {
        if (name == null) {
            return "";
        }
        String text = name.toString();
        if (!"level".equals(String.valueOf(groupBy)) || text.isBlank()) {
            return text;
        }
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "ic" -> "Individual contributor";
            default -> Character.toUpperCase(text.charAt(0)) + text.substring(1).toLowerCase(Locale.ROOT);
        };
    }

    /** A share's standing as people read it: over-participation is a warning, not praise. */
    public String standing(Object standing) {
        if (standing == null) {
            return "";
        }
        return switch (standing.toString()) {
            case "NO_WORK_TIME" -> "no work time in this period";
            case "BELOW_TARGET" -> "below the target";
            case "AT_OR_ABOVE_TARGET" -> "at or above the target";
            case "OVER_PARTICIPATION" -> "above what is sustainable";
            default -> label(standing);
        };
    }

    /** Why an event is in the anomalies list (rule 10). */
    public String anomaly(Object reason) {
        if (reason == null) {
            return "";
        }
        return switch (reason.toString()) {
            case "RECORDED_AFTER_THE_FACT" -> "scheduled after it had started";
            case "ORGANISER_CHECKED_IN_ONE_OTHER_PERSON" -> "the organiser checked in a single other person";
            case "RECIPROCAL_WITH_ANOTHER_EVENT" -> "that person organised an event whose only attendee was this organiser";
            default -> label(reason);
        };
    }

    /** Why minutes did not count (analytics' "uncounted" reasons). */
    public String uncountedReason(Object reason) {
        if (reason == null) {
            return "";
        }
        return switch (reason.toString()) {
            case "OUTSIDE_WORKING_HOURS" -> "outside working hours (nights, early mornings, late evenings)";
            case "NOT_A_WORKING_DAY" -> "outside work time (weekends and holidays)";
            case "OVER_THE_DAYS_WORK_TIME" -> "over the day's work time";
            default -> label(reason);
        };
    }

    /** ON_TRACK -> "on track". */
    public String label(Object constant) {
        return constant == null ? "" : constant.toString().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    public BigDecimal number(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof BigDecimal decimal) {
            return decimal;
        }
        try {
            return new BigDecimal(value.toString());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static ZoneId zone(Object zone) {
        try {
            return zone == null || zone.toString().isBlank() ? DEFAULT_ZONE : ZoneId.of(zone.toString());
        } catch (DateTimeException e) {
            return DEFAULT_ZONE;
        }
    }
}
