package io.guildhall.event.calendar;

import io.guildhall.event.event.Event;
import io.guildhall.event.event.EventStore;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;

/** Personal feeds: the caller's GOING and WAITLISTED events of the last 30 days and the future, cancelled ones included. */
@Service
public class CalendarFeeds {

    private static final SecureRandom RANDOM = new SecureRandom();

    public record FeedUrl(String url) {
    }

    private final DatabaseClient db;
    private final Clock clock;

    public CalendarFeeds(DatabaseClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public Mono<FeedUrl> urlOf(String person) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String fresh = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        return db.sql("""
                        INSERT INTO calendar_feed (person_id, token, created_at) VALUES (:p, :t, :now)
                        ON CONFLICT (person_id) DO UPDATE SET person_id = EXCLUDED.person_id
                        RETURNING token""")
                .bind("p", person).bind("t", fresh).bind("now", OffsetDateTime.now(clock))
                .map(row -> new FeedUrl("/api/calendar/feeds/" + row.get("token", String.class) + ".ics")).one();
    }

    public Mono<Void> revoke(String person) {
        return db.sql("DELETE FROM calendar_feed WHERE person_id = :p").bind("p", person).then();
    }

    /** Empty when the token is unknown or revoked. */
    public Mono<List<Event>> eventsOf(String token) {
        return db.sql("SELECT person_id FROM calendar_feed WHERE token = :t").bind("t", token)
                .map(row -> row.get("person_id", String.class)).one()
                .flatMap(person -> db.sql("SELECT e.* FROM event e JOIN rsvp r ON r.event_id = e.id"
                                + " WHERE r.person_id = :p AND r.status IN ('GOING', 'WAITLISTED') AND e.ends_at >= :since"
                                + " ORDER BY e.starts_at LIMIT 1000")
                        .bind("p", person)
                        .bind("since", OffsetDateTime.now(clock.withZone(ZoneOffset.UTC)).minus(Duration.ofDays(30)))
                        .map(row -> EventStore.event(row)).all().collectList());
    }
}
