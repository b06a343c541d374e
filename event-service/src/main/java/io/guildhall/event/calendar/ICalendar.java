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
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;

/**
 * RFC 5545 output. Each event keeps its UID for life and its SEQUENCE is the event's revision, so calendar apps
 * replace the entry on a change and strike it through on {@code STATUS:CANCELLED}. No attendee is ever listed.
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

    static VEvent entry(Event event) {
        VEvent entry = new VEvent(event.startsAt(), event.endsAt(), event.title());
        entry.add(new Uid(event.id() + "@guildhall"));
        // The constructor stamps "now"; RFC 5545 allows one DTSTAMP: the time of the last change.
        entry.replace(new DtStamp(event.updatedAt()));
        entry.add(new Sequence(event.sequence()));
        entry.add(event.status() == EventStatus.CANCELLED ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED);
        if (event.description() != null) {
            entry.add(new Description(event.description()));
        }
        String where = event.location() != null ? event.location() : event.onlineUrl();
        if (where != null) {
            entry.add(new Location(where));
        }
        if (event.onlineUrl() != null) {
            entry.add(new Url(URI.create(event.onlineUrl())));
        }
        return entry;
    }
}
