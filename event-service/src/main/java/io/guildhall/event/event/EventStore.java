package io.guildhall.event.event;

import io.guildhall.contracts.event.EventCategory;
import io.guildhall.contracts.event.EventFormat;
import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Events in SQL. {@link #lock} takes the event's row lock: every seat decision for an event runs under it. */
@Repository
public class EventStore {

    private static final String COLUMNS = """
            e.id, e.series_id, e.title, e.description, e.type, e.format, e.location, e.online_url, e.starts_at,
            e.ends_at, e.time_zone, e.capacity, e.rsvp_deadline, e.organiser, e.community_id, e.status, e.check_in_code,
            e.sequence, e.created_at, e.updated_at, e.recorded_after_the_fact""";
    private static final String COUNTS = """
            (SELECT count(*) FROM rsvp r WHERE r.event_id = e.id AND r.status = 'GOING') AS going,
            (SELECT count(*) FROM rsvp r WHERE r.event_id = e.id AND r.status = 'WAITLISTED'
                AND (r.offer_expires_at IS NULL OR r.offer_expires_at <= now())) AS waitlisted,
            (SELECT count(*) FROM rsvp r WHERE r.event_id = e.id AND r.status = 'WAITLISTED'
                AND r.offer_expires_at > now()) AS offered,
            e.waitlist_offer_hours""";
    /** The caller's own answer, for the "you're going" badges and who sees the online link. */
    private static final String MY_ANSWER =
            "(SELECT a.status FROM rsvp a WHERE a.event_id = e.id AND a.person_id = :caller) AS my_answer,"
            + " EXISTS (SELECT 1 FROM co_organiser c WHERE c.event_id = e.id AND c.person_id = :caller) AS co_organising";

    private final DatabaseClient db;

    public EventStore(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Void> insert(Event e) {
        return db.sql("""
                        INSERT INTO event (id, series_id, title, description, type, format, location, online_url, starts_at,
                            ends_at, time_zone, capacity, rsvp_deadline, organiser, community_id, status, check_in_code,
                            sequence, created_at, updated_at, recorded_after_the_fact)
                        VALUES (:id, :seriesId, :title, :description, :type, :format, :location, :onlineUrl, :startsAt,
                            :endsAt, :timeZone, :capacity, :rsvpDeadline, :organiser, :communityId, :status, :code,
                            :sequence, :createdAt, :updatedAt, :afterTheFact)""")
                .bind("afterTheFact", e.recordedAfterTheFact())
                .bind("id", e.id())
                .bind("seriesId", Parameter.fromOrEmpty(e.seriesId(), UUID.class))
                .bind("title", e.title())
                .bind("description", nullable(e.description()))
                .bind("type", e.type().name())
                .bind("format", e.format().name())
                .bind("location", nullable(e.location()))
                .bind("onlineUrl", nullable(e.onlineUrl()))
                .bind("startsAt", utc(e.startsAt()))
                .bind("endsAt", utc(e.endsAt()))
                .bind("timeZone", e.timeZone())
                .bind("capacity", Parameter.fromOrEmpty(e.capacity(), Integer.class))
                .bind("rsvpDeadline", Parameter.fromOrEmpty(
                        e.rsvpDeadline() == null ? null : utc(e.rsvpDeadline()), OffsetDateTime.class))
                .bind("organiser", e.organiserId())
                .bind("communityId", Parameter.fromOrEmpty(e.communityId(), UUID.class))
                .bind("status", e.status().name())
                .bind("code", e.checkInCode())
                .bind("sequence", e.sequence())
                .bind("createdAt", utc(e.createdAt()))
                .bind("updatedAt", utc(e.updatedAt()))
                .then();
    }

    /** Writes an edited or cancelled event; the caller holds its lock. */
    public Mono<Void> update(Event e) {
        return db.sql("""
                        UPDATE event SET title = :title, description = :description, type = :type, format = :format,
                            location = :location, online_url = :onlineUrl, starts_at = :startsAt, ends_at = :endsAt,
                            time_zone = :timeZone, capacity = :capacity, rsvp_deadline = :rsvpDeadline, status = :status,
                            sequence = :sequence, updated_at = :updatedAt, recorded_after_the_fact = :afterTheFact
                        WHERE id = :id""")
                .bind("id", e.id())
                .bind("afterTheFact", e.recordedAfterTheFact())
                .bind("title", e.title())
                .bind("description", nullable(e.description()))
                .bind("type", e.type().name())
                .bind("format", e.format().name())
                .bind("location", nullable(e.location()))
                .bind("onlineUrl", nullable(e.onlineUrl()))
                .bind("startsAt", utc(e.startsAt()))
                .bind("endsAt", utc(e.endsAt()))
                .bind("timeZone", e.timeZone())
                .bind("capacity", Parameter.fromOrEmpty(e.capacity(), Integer.class))
                .bind("rsvpDeadline", Parameter.fromOrEmpty(
                        e.rsvpDeadline() == null ? null : utc(e.rsvpDeadline()), OffsetDateTime.class))
                .bind("status", e.status().name())
                .bind("sequence", e.sequence())
                .bind("updatedAt", utc(e.updatedAt()))
                .then();
    }

    /** After a reschedule, people going are reminded again before the new start. */
    public Mono<Void> forgetReminders(UUID id) {
        return db.sql("DELETE FROM reminder WHERE event_id = :id").bind("id", id).then();
    }

    /**
     * The events the person is GOING to or WAITLISTED for, cancelled ones included, that end after {@code since},
     * by start, at most {@code limit}.
     */
    public Flux<Event> answeredBy(String person, Instant since, int limit) {
        return db.sql("SELECT " + COLUMNS + " FROM event e JOIN rsvp r ON r.event_id = e.id"
                        + " WHERE r.person_id = :p AND r.status IN ('GOING', 'WAITLISTED') AND e.ends_at >= :since"
                        + " ORDER BY e.starts_at LIMIT :limit")
                .bind("p", person).bind("since", OffsetDateTime.ofInstant(since, ZoneOffset.UTC)).bind("limit", limit)
                .map(row -> event(row)).all();
    }

    /** Ids of events still SCHEDULED that ended by {@code now}, the earliest first, at most {@code limit}. */
    public Flux<UUID> endedButScheduled(Instant now, int limit) {
        return db.sql("SELECT id FROM event WHERE status = 'SCHEDULED' AND ends_at <= :now ORDER BY ends_at LIMIT :limit")
                .bind("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).bind("limit", limit)
                .map(row -> row.get("id", UUID.class)).all();
    }

    /** Marks an event that has ended and been settled COMPLETED. */
    public Mono<Void> complete(UUID id, Instant now) {
        return db.sql("UPDATE event SET status = 'COMPLETED', updated_at = :now WHERE id = :id")
                .bind("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).bind("id", id).then();
    }

    public Mono<Event> find(UUID id) {
        return db.sql("SELECT " + COLUMNS + " FROM event e WHERE e.id = :id").bind("id", id).map(row -> event(row)).one();
    }

    /** The claim window of freed seats of these events (one event, or every occurrence of a series). */
    public Mono<Void> setWaitlistOfferHours(List<UUID> ids, int hours) {
        return db.sql("UPDATE event SET waitlist_offer_hours = :h WHERE id = ANY(:ids)").bind("h", hours)
                .bind("ids", ids.toArray(UUID[]::new)).then();
    }

    public Mono<Integer> waitlistOfferHours(UUID id) {
        return db.sql("SELECT waitlist_offer_hours FROM event WHERE id = :id").bind("id", id)
                .map(row -> row.get("waitlist_offer_hours", Integer.class)).one().defaultIfEmpty(0);
    }

    /** The event, locked until the transaction ends. */
    public Mono<Event> lock(UUID id) {
        return db.sql("SELECT " + COLUMNS + " FROM event e WHERE e.id = :id FOR UPDATE").bind("id", id)
                .map(row -> event(row)).one();
    }

    /** The event as {@code caller} may read it (their own answer; the online link only when inside it). */
    public Mono<EventView> view(UUID id, String caller, boolean admin) {
        return db.sql("SELECT " + COLUMNS + ", " + COUNTS + ", " + MY_ANSWER + " FROM event e WHERE e.id = :id")
                .bind("id", id).bind("caller", nullable(caller))
                .map(row -> view(row, caller, admin)).one();
    }

    public Flux<EventView> list(EventFilter filter, int page, int size) {
        Map<String, Object> params = new LinkedHashMap<>();
        // The caller's own answer, for the list's "you're going" and "on the waitlist" badges.
        params.put("caller", nullable(filter.caller()));
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + ", " + COUNTS + ", " + MY_ANSWER + " FROM event e WHERE TRUE");
        if (filter.from() != null) {
            sql.append(" AND e.ends_at >= :from");
            params.put("from", utc(filter.from()));
        }
        if (filter.to() != null) {
            sql.append(" AND e.starts_at < :to");
            params.put("to", utc(filter.to()));
        }
        if (filter.type() != null) {
            sql.append(" AND e.type = :type");
            params.put("type", filter.type().name());
        }
        if (filter.format() != null) {
            sql.append(" AND e.format = :format");
            params.put("format", filter.format().name());
        }
        if (filter.communityId() != null) {
            sql.append(" AND e.community_id = :community");
            params.put("community", filter.communityId());
        }
        if (filter.seriesId() != null) {
            sql.append(" AND e.series_id = :series");
            params.put("series", filter.seriesId());
        }
        if (filter.mine()) {
            sql.append(" AND (e.organiser = :me OR EXISTS (SELECT 1 FROM rsvp m WHERE m.event_id = e.id")
                    .append(" AND m.person_id = :me AND m.status IN ('GOING', 'WAITLISTED'))")
                    .append(" OR EXISTS (SELECT 1 FROM co_organiser h WHERE h.event_id = e.id AND h.person_id = :me))");
            params.put("me", filter.caller());
        }
        sql.append(" ORDER BY e.starts_at, e.id LIMIT :limit OFFSET :offset");
        params.put("limit", size);
        params.put("offset", (long) page * size);
        DatabaseClient.GenericExecuteSpec spec = db.sql(sql.toString());
        for (Map.Entry<String, Object> p : params.entrySet()) {
            spec = spec.bind(p.getKey(), p.getValue());
        }
        return spec.map(row -> view(row, filter.caller(), filter.admin())).all();
    }

    static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Parameter nullable(String value) {
        return Parameter.fromOrEmpty(value, String.class);
    }

    private static EventView view(Readable row, String caller, boolean admin) {
        return EventView.forCaller(event(row), row.get("going", Long.class), row.get("waitlisted", Long.class),
                row.get("my_answer", String.class), caller, admin, Boolean.TRUE.equals(row.get("co_organising", Boolean.class)))
                .withOffers(row.get("waitlist_offer_hours", Integer.class), row.get("offered", Long.class));
    }

    public static Event event(Readable row) {
        return new Event(row.get("id", UUID.class), row.get("series_id", UUID.class), row.get("title", String.class),
                row.get("description", String.class), EventCategory.valueOf(row.get("type", String.class)),
                EventFormat.valueOf(row.get("format", String.class)), row.get("location", String.class),
                row.get("online_url", String.class), instant(row, "starts_at"), instant(row, "ends_at"),
                row.get("time_zone", String.class), row.get("capacity", Integer.class), instant(row, "rsvp_deadline"),
                row.get("organiser", String.class), row.get("community_id", UUID.class),
                EventStatus.valueOf(row.get("status", String.class)), row.get("check_in_code", String.class),
                row.get("sequence", Integer.class), instant(row, "created_at"), instant(row, "updated_at"),
                Boolean.TRUE.equals(row.get("recorded_after_the_fact", Boolean.class)));
    }

    private static Instant instant(Readable row, String column) {
        OffsetDateTime value = row.get(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
