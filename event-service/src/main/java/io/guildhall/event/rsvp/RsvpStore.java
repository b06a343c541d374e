package io.guildhall.event.rsvp;

import io.guildhall.contracts.event.RsvpStatus;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** RSVPs in SQL. Callers hold the event's row lock for every write, so counts and arrival numbers cannot race. */
@Repository
public class RsvpStore {

    private final DatabaseClient db;

    public RsvpStore(DatabaseClient db) {
        this.db = db;
    }

    public Mono<RsvpStatus> statusOf(UUID event, String person) {
        return db.sql("SELECT status FROM rsvp WHERE event_id = :e AND person_id = :p").bind("e", event).bind("p", person)
                .map(row -> RsvpStatus.valueOf(row.get("status", String.class))).one();
    }

    /** The current answers of these people to the event (people who have not answered are absent). */
    public Flux<Map.Entry<String, RsvpStatus>> statuses(UUID event, List<String> people) {
        return db.sql("SELECT person_id, status FROM rsvp WHERE event_id = :e AND person_id = ANY(:p)")
                .bind("e", event).bind("p", people.toArray(String[]::new))
                .map(row -> Map.entry(row.get("person_id", String.class), RsvpStatus.valueOf(row.get("status", String.class))))
                .all();
    }

    /** {going, waiting} in one query. */
    public Mono<long[]> counts(UUID event) {
        return db.sql("""
                        SELECT count(*) FILTER (WHERE status = 'GOING') AS going,
                               count(*) FILTER (WHERE status = 'WAITLISTED') AS waiting
                          FROM rsvp WHERE event_id = :e""")
                .bind("e", event).map(row -> new long[]{row.get("going", Long.class), row.get("waiting", Long.class)}).one();
    }

    /**
     * Records many answers in one statement, in the given order: arrival numbers are drawn first and handed out in
     * that order, so the waitlist follows the order of decision.
     */
    public Mono<Void> answerAll(UUID event, List<String> people, List<String> statuses, Instant now) {
        return db.sql("SELECT nextval('rsvp_arrival') AS a FROM generate_series(1, :n)").bind("n", people.size())
                .map(row -> row.get("a", Long.class)).all().sort().collectList()
                .flatMap(arrivals -> db.sql("""
                                INSERT INTO rsvp (event_id, person_id, status, arrival, responded_at)
                                SELECT :e, u.p, u.s, u.a, :t FROM unnest(:people, :statuses, :arrivals) AS u(p, s, a)
                                ON CONFLICT (event_id, person_id)
                                DO UPDATE SET status = EXCLUDED.status, arrival = EXCLUDED.arrival, responded_at = EXCLUDED.responded_at""")
                        .bind("e", event).bind("t", utc(now))
                        .bind("people", people.toArray(String[]::new))
                        .bind("statuses", statuses.toArray(String[]::new))
                        .bind("arrivals", arrivals.toArray(Long[]::new))
                        .then());
    }

    public Mono<Long> count(UUID event, RsvpStatus status) {
        return db.sql("SELECT count(*) AS n FROM rsvp WHERE event_id = :e AND status = :s").bind("e", event)
                .bind("s", status.name()).map(row -> row.get("n", Long.class)).one();
    }

    /** Records the answer with a fresh arrival number: a new answer queues behind everyone already waiting. */
    public Mono<Void> answer(UUID event, String person, RsvpStatus status, Instant now) {
        return db.sql("""
                        INSERT INTO rsvp (event_id, person_id, status, arrival, responded_at)
                        VALUES (:e, :p, :s, nextval('rsvp_arrival'), :t)
                        ON CONFLICT (event_id, person_id)
                        DO UPDATE SET status = EXCLUDED.status, arrival = EXCLUDED.arrival, responded_at = EXCLUDED.responded_at""")
                .bind("e", event).bind("p", person).bind("s", status.name()).bind("t", utc(now)).then();
    }

    public Mono<Long> delete(UUID event, String person) {
        return db.sql("DELETE FROM rsvp WHERE event_id = :e AND person_id = :p").bind("e", event).bind("p", person)
                .fetch().rowsUpdated();
    }

    /** 1-based place on the waitlist, or empty when the person is not waiting. */
    public Mono<Integer> position(UUID event, String person) {
        return db.sql("""
                        SELECT count(*) AS n FROM rsvp w, rsvp me
                        WHERE me.event_id = :e AND me.person_id = :p AND me.status = 'WAITLISTED'
                          AND w.event_id = :e AND w.status = 'WAITLISTED' AND w.arrival <= me.arrival
                        HAVING count(*) > 0""")
                .bind("e", event).bind("p", person).map(row -> row.get("n", Long.class).intValue()).one();
    }

    /** Moves the first {@code n} waiting people to GOING and returns who they are, in queue order. */
    public Flux<String> promote(UUID event, long n) {
        return db.sql("""
                        UPDATE rsvp SET status = 'GOING' WHERE event_id = :e AND person_id IN (
                            SELECT person_id FROM rsvp WHERE event_id = :e AND status = 'WAITLISTED'
                            ORDER BY arrival LIMIT :n)
                        RETURNING person_id, arrival""")
                .bind("e", event).bind("n", n)
                .map(row -> new Object[]{row.get("person_id", String.class), row.get("arrival", Long.class)}).all()
                .sort((a, b) -> Long.compare((Long) a[1], (Long) b[1]))
                .map(a -> (String) a[0]);
    }

    public Flux<String> people(UUID event, RsvpStatus status) {
        return db.sql("SELECT person_id FROM rsvp WHERE event_id = :e AND status = :s ORDER BY arrival")
                .bind("e", event).bind("s", status.name()).map(row -> row.get("person_id", String.class)).all();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
