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
                        SELECT count(*) FILTER (WHERE status = 'GOING'
                                   OR (status = 'WAITLISTED' AND offer_expires_at > now())) AS going,
                               count(*) FILTER (WHERE status = 'WAITLISTED'
                                   AND (offer_expires_at IS NULL OR offer_expires_at <= now())) AS waiting
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
                                DO UPDATE SET status = EXCLUDED.status, arrival = EXCLUDED.arrival, responded_at = EXCLUDED.responded_at,
                            offer_expires_at = NULL, offer_reminded = false""")
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
                        DO UPDATE SET status = EXCLUDED.status, arrival = EXCLUDED.arrival, responded_at = EXCLUDED.responded_at,
                            offer_expires_at = NULL, offer_reminded = false""")
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

    /** Offers a seat to the first {@code n} people waiting without an offer, until {@code expiresAt}; who, in queue order. */
    public Flux<String> offer(UUID event, long n, Instant expiresAt) {
        return db.sql("""
                        UPDATE rsvp SET offer_expires_at = :x, offer_reminded = false WHERE event_id = :e AND person_id IN (
                            SELECT person_id FROM rsvp WHERE event_id = :e AND status = 'WAITLISTED'
                              AND offer_expires_at IS NULL ORDER BY arrival LIMIT :n)
                        RETURNING person_id, arrival""")
                .bind("e", event).bind("n", n).bind("x", utc(expiresAt))
                .map(row -> new Object[]{row.get("person_id", String.class), row.get("arrival", Long.class)}).all()
                .sort((a, b) -> Long.compare((Long) a[1], (Long) b[1]))
                .map(a -> (String) a[0]);
    }

    /** Until when the person's offer of a seat runs, when they hold one that has not lapsed. */
    public Mono<Instant> offerOf(UUID event, String person) {
        return db.sql("""
                        SELECT offer_expires_at FROM rsvp WHERE event_id = :e AND person_id = :p AND status = 'WAITLISTED'
                          AND offer_expires_at > now()""")
                .bind("e", event).bind("p", person)
                .map(row -> row.get("offer_expires_at", OffsetDateTime.class).toInstant()).one();
    }

    /** The person takes the seat offered to them (true), unless they hold no offer that has not lapsed (false). */
    public Mono<Boolean> accept(UUID event, String person) {
        return db.sql("""
                        UPDATE rsvp SET status = 'GOING', offer_expires_at = NULL WHERE event_id = :e AND person_id = :p
                          AND status = 'WAITLISTED' AND offer_expires_at > now()""")
                .bind("e", event).bind("p", person).fetch().rowsUpdated().map(n -> n > 0);
    }

    /** Offers that lapsed: event and person. */
    public Flux<Map.Entry<UUID, String>> lapsedOffers() {
        return db.sql("""
                        SELECT event_id, person_id FROM rsvp WHERE status = 'WAITLISTED' AND offer_expires_at <= now()
                        ORDER BY offer_expires_at""")
                .map(row -> Map.entry(row.get("event_id", UUID.class), row.get("person_id", String.class))).all();
    }

    /** Removes a lapsed offer's person from the waitlist; false when they answered in the meantime. */
    public Mono<Boolean> dropLapsed(UUID event, String person) {
        return db.sql("""
                        DELETE FROM rsvp WHERE event_id = :e AND person_id = :p AND status = 'WAITLISTED'
                          AND offer_expires_at <= now()""")
                .bind("e", event).bind("p", person).fetch().rowsUpdated().map(n -> n > 0);
    }

    /**
     * Offers whose reminder is due (half of the window, at most 2 hours, left) and not sent; each is marked as
     * reminded as it is returned, so that it is published once: event, person, expiry.
     */
    public Flux<Object[]> remindersDue() {
        return db.sql("""
                        UPDATE rsvp r SET offer_reminded = true FROM event e
                        WHERE e.id = r.event_id AND r.status = 'WAITLISTED' AND NOT r.offer_reminded
                          AND r.offer_expires_at > now()
                          AND r.offer_expires_at - LEAST(interval '2 hours', make_interval(mins => e.waitlist_offer_hours * 30)) <= now()
                        RETURNING r.event_id, r.person_id, r.offer_expires_at""")
                .map(row -> new Object[]{row.get("event_id", UUID.class), row.get("person_id", String.class),
                        row.get("offer_expires_at", OffsetDateTime.class).toInstant()}).all();
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
