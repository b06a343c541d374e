package io.guildhall.analytics.calendar;

import io.guildhall.analytics.messaging.Sql;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/** The calendar_event and rsvp tables: read a row for update, let the row's rule decide, write what it returns. */
@Singleton
public class CalendarStore {

    private static final String EVENT_COLUMNS = "event_id, community_id, category, organiser_id, starts_at, ends_at,"
            + " time_zone, capacity, scheduled, cancelled, as_of";
    private static final String RSVP_COLUMNS = "event_id, person_id, status, no_show, as_of";

    public void changeEvent(Connection transaction, UUID eventId,
                            Function<Optional<CalendarEventRow>, Optional<CalendarEventRow>> rule) throws SQLException {
        Optional<CalendarEventRow> current = Sql.one(transaction,
                "SELECT " + EVENT_COLUMNS + " FROM calendar_event WHERE event_id = ? FOR UPDATE",
                CalendarStore::eventRow, eventId);
        Optional<CalendarEventRow> next = rule.apply(current);
        if (next.isEmpty()) {
            return;
        }
        CalendarEventRow row = next.get();
        Sql.update(transaction, "INSERT INTO calendar_event (" + EVENT_COLUMNS + """
                ) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (event_id) DO UPDATE SET community_id = EXCLUDED.community_id,
                    category = EXCLUDED.category, organiser_id = EXCLUDED.organiser_id,
                    starts_at = EXCLUDED.starts_at, ends_at = EXCLUDED.ends_at, time_zone = EXCLUDED.time_zone,
                    capacity = EXCLUDED.capacity, scheduled = EXCLUDED.scheduled, cancelled = EXCLUDED.cancelled,
                    as_of = EXCLUDED.as_of""",
                row.eventId(), row.communityId(), row.category(), row.organiserId(), row.startsAt(), row.endsAt(),
                row.timeZone(), row.capacity(), row.scheduled(), row.cancelled(), row.asOf());
    }

    public void changeRsvp(Connection transaction, UUID eventId, String personId,
                           Function<Optional<RsvpRow>, Optional<RsvpRow>> rule) throws SQLException {
        Optional<RsvpRow> current = Sql.one(transaction,
                "SELECT " + RSVP_COLUMNS + " FROM rsvp WHERE event_id = ? AND person_id = ? FOR UPDATE",
                CalendarStore::rsvpRow, eventId, personId);
        Optional<RsvpRow> next = rule.apply(current);
        if (next.isEmpty()) {
            return;
        }
        RsvpRow row = next.get();
        Sql.update(transaction, "INSERT INTO rsvp (" + RSVP_COLUMNS + """
                ) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (event_id, person_id) DO UPDATE SET status = EXCLUDED.status,
                    no_show = EXCLUDED.no_show, as_of = EXCLUDED.as_of""",
                row.eventId(), row.personId(), row.status(), row.noShow(), row.asOf());
    }

    private static CalendarEventRow eventRow(ResultSet row) throws SQLException {
        return new CalendarEventRow(Sql.uuid(row, "event_id"), Sql.uuid(row, "community_id"), row.getString("category"),
                row.getString("organiser_id"), Sql.instant(row, "starts_at"), Sql.instant(row, "ends_at"),
                row.getString("time_zone"), Sql.integer(row, "capacity"), row.getBoolean("scheduled"),
                row.getBoolean("cancelled"), Sql.instant(row, "as_of"));
    }

    private static RsvpRow rsvpRow(ResultSet row) throws SQLException {
        return new RsvpRow(Sql.uuid(row, "event_id"), row.getString("person_id"), row.getString("status"),
                row.getBoolean("no_show"), Sql.instant(row, "as_of"));
    }

    /** Rule 10: the event was scheduled after it had started (kept once; the flag is never taken back). */
    public void recordedAfterTheFact(Connection transaction, UUID eventId, Instant asOf) throws SQLException {
        Sql.update(transaction, "INSERT INTO after_the_fact_event (event_id, as_of) VALUES (?, ?)"
                + " ON CONFLICT (event_id) DO NOTHING", eventId, asOf);
    }
}
