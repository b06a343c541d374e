package io.guildhall.gateway.portal.event;

import io.guildhall.gateway.portal.Viewer;
import org.springframework.stereotype.Component;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Event times for the templates, always in the viewer's zone and with the zone written for people, never as an id
 * ({@code ${@eventFmt.when(e, viewer)}}): "Tue 1 Dec 2026, 17:00–18:30 London", or, for an event held where the
 * clocks show another time, "Tue 1 Dec 2026, 18:00–19:30 Berlin · 17:00–18:30 your time". An event without a place
 * of its own (held "in UTC") is shown in the viewer's zone only.
 */
@Component("eventFmt")
public class EventFormat {

    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter SHORT_DAY_TIME = DateTimeFormatter.ofPattern("EEE d MMM, HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    public String when(EventDetail event, Viewer viewer) {
        return when(event.startsAt(), event.endsAt(), event.timeZone(), viewer);
    }

    String when(Object startsAt, Object endsAt, Object timeZone, Viewer viewer) {
        ZoneId held = zone(timeZone);
        ZonedDateTime starts = at(startsAt, viewer.zone());
        if (starts == null) {
            return "";
        }
        ZonedDateTime ends = at(endsAt, viewer.zone());
        ZonedDateTime startsThere = starts.withZoneSameInstant(held);
        boolean sameClock = Viewer.placeless(held) || startsThere.toLocalDateTime().equals(starts.toLocalDateTime());
        if (sameClock) {
            String place = Viewer.placeless(held) ? viewer.place() : Viewer.place(held);
            return starts.format(DAY_TIME) + until(starts, ends) + " " + place;
        }
        ZonedDateTime endsThere = ends == null ? null : ends.withZoneSameInstant(held);
        String yours = (starts.toLocalDate().equals(startsThere.toLocalDate()) ? starts.format(TIME) : starts.format(SHORT_DAY_TIME))
                + until(starts, ends);
        return startsThere.format(DAY_TIME) + until(startsThere, endsThere) + " " + Viewer.place(held) + " · " + yours
                + " your time";
    }

    /**
     * The hours of an event under its day's heading (the day is the heading's): "17:00–18:30 London", or
     * "18:00–19:30 Berlin · 17:00–18:30 your time".
     */
    public String hours(EventDetail event, Viewer viewer) {
        String when = when(event, viewer);
        ZonedDateTime mine = at(event.startsAt(), viewer.zone());
        ZoneId held = zone(event.timeZone());
        if (mine != null && !Viewer.placeless(held)
                && !mine.withZoneSameInstant(held).toLocalDate().equals(mine.toLocalDate())) {
            // Held on another date where it takes place: that date stays (the heading is the viewer's day).
            return when;
        }
        int comma = when.indexOf(", ");
        return comma < 0 ? when : when.substring(comma + 2);
    }

    /** A start alone, for lists: "Mon 1 Dec, 17:00 London", in the viewer's zone. */
    public String start(Object instant, Viewer viewer) {
        ZonedDateTime at = at(instant, viewer.zone());
        return at == null ? "" : at.format(SHORT_DAY_TIME) + " " + viewer.place();
    }

    /** "17:00" in the viewer's zone (the calendar, whose heading names the zone). */
    public String time(Object instant, Viewer viewer) {
        ZonedDateTime at = at(instant, viewer.zone());
        return at == null ? "" : at.format(TIME);
    }

    private static String until(ZonedDateTime starts, ZonedDateTime ends) {
        if (ends == null) {
            return "";
        }
        return "–" + (ends.toLocalDate().equals(starts.toLocalDate()) ? ends.format(TIME) : ends.format(DAY_TIME));
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
