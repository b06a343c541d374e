package io.guildhall.analytics.event;

import io.guildhall.analytics.jdbc.BatchRows;
import io.guildhall.analytics.jdbc.Prefetch;
import io.guildhall.analytics.jdbc.Sql;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The calendar_event and rsvp tables: read a row for update, let the row's rule decide, write what it returns; within
 * a batch of events, through its {@link BatchRows}.
 */
@Singleton
public class CalendarStore {

    private static final String EVENT_COLUMNS = "event_id, community_id, category, organiser_id, starts_at, ends_at,"
            + " time_zone, capacity, scheduled, cancelled, as_of";
    private static final String RSVP_COLUMNS = "event_id, person_id, status, no_show, as_of";

    public void changeEvent(Connection transaction, UUID eventId,
                            Function<Optional<CalendarEventRow>, Optional<CalendarEventRow>> rule) throws SQLException {
        BatchRows.change(transaction, EVENTS, eventId, rule);
    }

    public void changeRsvp(Connection transaction, UUID eventId, String personId,
                           Function<Optional<RsvpRow>, Optional<RsvpRow>> rule) throws SQLException {
        BatchRows.change(transaction, RSVPS, new RsvpKey(eventId, personId), rule);
    }

    /** Declares the event's calendar row for a run's prefetch. */
    public void prefetchEvent(Prefetch prefetch, UUID eventId) {
        prefetch.row(EVENTS, stored -> eventId);
    }

    /** Declares a person's answer to an event (the person id as the event carries it) for a run's prefetch. */
    public void prefetchRsvp(Prefetch prefetch, UUID eventId, String personId) {
        prefetch.person(personId);
        prefetch.row(RSVPS, stored -> new RsvpKey(eventId, stored.apply(personId)));
    }

    private record RsvpKey(UUID eventId, String personId) {
    }

    private static final BatchRows.Spec<UUID, CalendarEventRow> EVENTS = new BatchRows.Spec<>() {
        @Override
        public Map<UUID, CalendarEventRow> load(Connection transaction, Collection<UUID> keys) throws SQLException {
            Map<UUID, CalendarEventRow> rows = new HashMap<>();
            if (keys.size() == 1) {
                UUID key = keys.iterator().next();
                Sql.one(transaction, "SELECT " + EVENT_COLUMNS + " FROM calendar_event WHERE event_id = ? FOR UPDATE",
                        CalendarStore::eventRow, key).ifPresent(row -> rows.put(key, row));
                return rows;
            }
            for (CalendarEventRow row : Sql.list(transaction, "SELECT " + EVENT_COLUMNS
                            + " FROM calendar_event WHERE event_id = ANY (?) FOR UPDATE", CalendarStore::eventRow,
                    Sql.array(transaction, "uuid", keys))) {
                rows.put(row.eventId(), row);
            }
            return rows;
        }

        @Override
        public void write(Connection transaction, List<CalendarEventRow> rows) throws SQLException {
            Sql.upsertAll(transaction, "calendar_event", List.of("event_id uuid", "community_id uuid", "category text",
                    "organiser_id text", "starts_at timestamptz", "ends_at timestamptz", "time_zone text",
                    "capacity int", "scheduled boolean", "cancelled boolean", "as_of timestamptz"), """
                    (event_id) DO UPDATE SET community_id = EXCLUDED.community_id,
                        category = EXCLUDED.category, organiser_id = EXCLUDED.organiser_id,
                        starts_at = EXCLUDED.starts_at, ends_at = EXCLUDED.ends_at, time_zone = EXCLUDED.time_zone,
                        capacity = EXCLUDED.capacity, scheduled = EXCLUDED.scheduled, cancelled = EXCLUDED.cancelled,
                        as_of = EXCLUDED.as_of""", rows.stream().map(row -> new Object[]{row.eventId(),
                    row.communityId(), row.category(), row.organiserId(), row.startsAt(), row.endsAt(),
                    row.timeZone(), row.capacity(), row.scheduled(), row.cancelled(), row.asOf()}).toList());
        }
    };

    private static final BatchRows.Spec<RsvpKey, RsvpRow> RSVPS = new BatchRows.Spec<>() {
        @Override
        public Map<RsvpKey, RsvpRow> load(Connection transaction, Collection<RsvpKey> keys) throws SQLException {
            Map<RsvpKey, RsvpRow> rows = new HashMap<>();
            if (keys.size() == 1) {
                // One key: the primary key's own look-up, whatever the planner thinks of the table's size.
                RsvpKey key = keys.iterator().next();
                Sql.one(transaction, "SELECT " + RSVP_COLUMNS + " FROM rsvp WHERE event_id = ? AND person_id = ?"
                        + " FOR UPDATE", CalendarStore::rsvpRow, key.eventId(), key.personId())
                        .ifPresent(row -> rows.put(key, row));
                return rows;
            }
            // Both columns of the primary key as lists: an index scan over the pairs they span, of which only those
            // asked for are kept (and only they are locked: the rest are filtered before the lock).
            for (RsvpRow row : Sql.list(transaction, "SELECT " + RSVP_COLUMNS + " FROM rsvp"
                            + " WHERE event_id = ANY (?) AND person_id = ANY (?)"
                            + " AND (event_id, person_id) IN (SELECT * FROM unnest(?::uuid[], ?::text[])) FOR UPDATE",
                    CalendarStore::rsvpRow,
                    Sql.array(transaction, "uuid", keys.stream().map(RsvpKey::eventId).distinct().toList()),
                    Sql.array(transaction, "text", keys.stream().map(RsvpKey::personId).distinct().toList()),
                    Sql.array(transaction, "uuid", keys.stream().map(RsvpKey::eventId).toList()),
                    Sql.array(transaction, "text", keys.stream().map(RsvpKey::personId).toList()))) {
                rows.put(new RsvpKey(row.eventId(), row.personId()), row);
            }
            return rows;
        }

        @Override
        public void write(Connection transaction, List<RsvpRow> rows) throws SQLException {
            Sql.upsertAll(transaction, "rsvp", List.of("event_id uuid", "person_id text", "status text",
                    "no_show boolean", "as_of timestamptz"), """
                    (event_id, person_id) DO UPDATE SET status = EXCLUDED.status,
                        no_show = EXCLUDED.no_show, as_of = EXCLUDED.as_of""", rows.stream().map(row -> new Object[]{
                    row.eventId(), row.personId(), row.status(), row.noShow(), row.asOf()}).toList());
        }
    };

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
