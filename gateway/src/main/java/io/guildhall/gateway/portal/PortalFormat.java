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

    /** Minutes as hours with one decimal: "1.6 h". */
    public String hours(Object minutes) {
        BigDecimal value = number(minutes);
        return value == null ? "" : value.divide(BigDecimal.valueOf(60), 1, java.math.RoundingMode.HALF_UP).toPlainString() + " h";
    }

    /** A chart's configuration for {@code data-chart} (see static/portal/charts.js): {@code th:attr="data-chart=${@fmt.json(chart)}"}. */
    public String json(Object value) {
        return JSON.writeValueAsString(value);
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
