package io.guildhall.event.attendance;

import io.guildhall.contracts.event.CheckInMethod;
import io.guildhall.contracts.event.RsvpStatus;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

@Repository
public class AttendanceStore {

    private final DatabaseClient db;

    public AttendanceStore(DatabaseClient db) {
        this.db = db;
    }

    public Mono<AttendanceView> find(UUID event, String person) {
        return db.sql("SELECT minutes, method, recorded_at FROM attendance WHERE event_id = :e AND person_id = :p")
                .bind("e", event).bind("p", person)
                .map(row -> new AttendanceView(event, person, row.get("minutes", Integer.class),
                        CheckInMethod.valueOf(row.get("method", String.class)),
                        row.get("recorded_at", OffsetDateTime.class).toInstant()))
                .one();
    }

    /** Everyone who answered or attended, in the order they answered, with their no-show mark. */
    public Flux<Attendees.Attendee> attendees(UUID event) {
        return db.sql("""
                        SELECT coalesce(r.person_id, a.person_id) AS person_id, r.status, a.minutes,
                               EXISTS (SELECT 1 FROM no_show n WHERE n.event_id = :e
                                       AND n.person_id = coalesce(r.person_id, a.person_id)) AS no_show
                        FROM (SELECT * FROM rsvp WHERE event_id = :e) r
                        FULL OUTER JOIN (SELECT * FROM attendance WHERE event_id = :e) a
                          ON a.person_id = r.person_id
                        ORDER BY r.arrival NULLS LAST, 1""")
                .bind("e", event)
                .map(row -> new Attendees.Attendee(row.get("person_id", String.class),
                        row.get("status", String.class) == null ? null
                                : RsvpStatus.valueOf(row.get("status", String.class)),
                        row.get("minutes", Integer.class), Boolean.TRUE.equals(row.get("no_show", Boolean.class))))
                .all();
    }

    /** Everyone with counted minutes at the event. */
    public Flux<AttendanceView> counted(UUID event) {
        return db.sql("SELECT person_id, minutes, method, recorded_at FROM attendance WHERE event_id = :e AND minutes > 0 ORDER BY person_id")
                .bind("e", event)
                .map(row -> new AttendanceView(event, row.get("person_id", String.class), row.get("minutes", Integer.class),
                        CheckInMethod.valueOf(row.get("method", String.class)),
                        row.get("recorded_at", OffsetDateTime.class).toInstant()))
                .all();
    }

    /** Inserts or overwrites (a correction) the person's attendance. */
    public Mono<Void> save(AttendanceView a, String recordedBy) {
        return db.sql("""
                        INSERT INTO attendance (event_id, person_id, minutes, method, recorded_by, recorded_at)
                        VALUES (:e, :p, :m, :method, :by, :at)
                        ON CONFLICT (event_id, person_id) DO UPDATE SET minutes = EXCLUDED.minutes, method = EXCLUDED.method,
                            recorded_by = EXCLUDED.recorded_by, recorded_at = EXCLUDED.recorded_at""")
                .bind("e", a.eventId()).bind("p", a.personId()).bind("m", a.minutes()).bind("method", a.method().name())
                .bind("by", recordedBy).bind("at", OffsetDateTime.ofInstant(a.recordedAt(), ZoneOffset.UTC))
                .then();
    }

    /** Inserts many new attendances of one event, all recorded by {@code recordedBy}, in one statement. */
    public Mono<Void> insertAll(UUID event, List<AttendanceView> all, String recordedBy, Instant at) {
        if (all.isEmpty()) {
            return Mono.empty();
        }
        return db.sql("""
                        INSERT INTO attendance (event_id, person_id, minutes, method, recorded_by, recorded_at)
                        SELECT :e, u.p, u.m, u.method, :by, :at FROM unnest(:people, :minutes, :methods) AS u(p, m, method)""")
                .bind("e", event).bind("by", recordedBy).bind("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .bind("people", all.stream().map(AttendanceView::personId).toArray(String[]::new))
                .bind("minutes", all.stream().map(AttendanceView::minutes).toArray(Integer[]::new))
                .bind("methods", all.stream().map(a -> a.method().name()).toArray(String[]::new))
                .then();
    }

    /** Records as no-shows those GOING without attendance, once, and returns them. */
    public Flux<String> recordNoShows(UUID event, Instant now) {
        return db.sql("""
                        INSERT INTO no_show (event_id, person_id, recorded_at)
                        SELECT r.event_id, r.person_id, :at FROM rsvp r
                        WHERE r.event_id = :e AND r.status = 'GOING'
                          AND NOT EXISTS (SELECT 1 FROM attendance a WHERE a.event_id = r.event_id
                                          AND a.person_id = r.person_id AND a.minutes > 0)
                        ON CONFLICT DO NOTHING
                        RETURNING person_id""")
                .bind("e", event).bind("at", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .map(row -> row.get("person_id", String.class)).all();
    }
}
