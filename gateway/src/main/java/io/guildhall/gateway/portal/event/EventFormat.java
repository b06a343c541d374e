package io.guildhall.gateway.portal.event;

import org.springframework.stereotype.Component;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Event times for the templates ({@code ${@eventFmt.when(e)}}): in the event's own time zone, the end shown as a
 * time only when it is the same day.
 */
@Component("eventFmt")
public class EventFormat {

    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    /** "Tue 1 Dec 2026, 17:00–18:30 (Europe/Berlin)". */
    public String when(EventDetail event) {
        return when(event.startsAt(), event.endsAt(), event.timeZone());
    }

    private String when(Object startsAt, Object endsAt, Object timeZone) {
        ZoneId zone = zone(timeZone);
        ZonedDateTime starts = at(startsAt, zone);
        ZonedDateTime ends = at(endsAt, zone);
        if (starts == null) {
            return "";
        }
        String end = ends == null ? "" : "–" + (ends.toLocalDate().equals(starts.toLocalDate()) ? ends.format(TIME) : ends.format(DAY_TIME));
        return starts.format(DAY_TIME) + end + " (" + zone.getId() + ")";
    }

    /** "17:00" in {@code zone}. */
    public String time(Object instant, Object zone) {
        ZonedDateTime at = at(instant, zone(zone));
        return at == null ? "" : at.format(TIME);
    }

    private static ZonedDateTime at(Object instant, ZoneId zone) {
        try {
            return instant == null ? null : Instant.parse(instant.toString()).atZone(zone);
        } catch (DateTimeException e) {
            return null;
        }
    }

    static ZoneId zone(Object zone) {
        try {
            return zone == null || zone.toString().isBlank() ? ZoneId.of("UTC") : ZoneId.of(zone.toString());
        } catch (DateTimeException e) {
            return ZoneId.of("UTC");
        }
    }
}
