package io.guildhall.event.calendar;

import io.guildhall.event.event.Event;
import io.guildhall.event.event.EventStatus;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * RFC 5545 output. Each event keeps its UID for life and its SEQUENCE is the event's revision, so calendar apps
 * replace the entry on a change and strike it through on {@code STATUS:CANCELLED}. No attendee is ever listed.
 * The portal's download adds a link back to the event's page and the organiser's name (the directory is not
 * event-service's).
 */
public final class ICalendar {

    static final String PRODUCT = "-//Guildhall//event-service//EN";

    private ICalendar() {
    }

    public static String of(List<Event> events, String name) {
        Calendar calendar = new Calendar()
                .add(new ProdId(PRODUCT))
                .add(ImmutableVersion.VERSION_2_0)
                .add(ImmutableCalScale.GREGORIAN)
                .add(new XProperty("X-WR-CALNAME", name));
        for (Event event : events) {
            calendar.add(entry(event));
        }
        try {
            StringWriter out = new StringWriter();
            new CalendarOutputter(false).output(calendar, out);
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The event's description, and its online link when the event is also in a room (LOCATION holds the room then).
     * URL is left to the portal, which links back to the event's page. The link is there only when the reader may
     * see it: callers pass the event without it otherwise ({@link Event#withoutOnlineUrl()}).
     */
    static String description(Event event) {
        boolean linkElsewhere = event.onlineUrl() != null && event.location() != null;
        if (!linkElsewhere) {
            return event.description();
        }
        String online = "Online: " + event.onlineUrl();
        return event.description() == null ? online : event.description() + "\n\n" + online;
    }

    static VEvent entry(Event event) {
        VEvent entry = new VEvent(event.startsAt(), event.endsAt(), event.title());
        entry.add(new Uid(event.id() + "@guildhall"));
        // The constructor stamps "now"; RFC 5545 allows one DTSTAMP: the time of the last change.
        entry.replace(new DtStamp(event.updatedAt()));
        entry.add(new Sequence(event.sequence()));
        entry.add(event.status() == EventStatus.CANCELLED ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED);
        String description = description(event);
        if (description != null) {
            entry.add(new Description(description));
        }
        String where = event.location() != null ? event.location() : event.onlineUrl();
        if (where != null) {
            entry.add(new Location(where));
        }
        return entry;
    }
}
