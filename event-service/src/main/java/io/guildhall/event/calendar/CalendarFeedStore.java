package io.guildhall.event.calendar;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.time.ZoneOffset;

/** Each person's secret calendar feed token: at most one, kept until revoked. */
@Repository
public class CalendarFeedStore {

    private final DatabaseClient db;

    public CalendarFeedStore(DatabaseClient db) {
        this.db = db;
    }

    /** The person's token: {@code fresh} if they had none, else the one they have. */
    public Mono<String> tokenOf(String person, String fresh, Instant now) {
        return db.sql("""
                        INSERT INTO calendar_feed (person_id, token, created_at) VALUES (:p, :t, :now)
                        ON CONFLICT (person_id) DO UPDATE SET person_id = EXCLUDED.person_id
                        RETURNING token""")
                .bind("p", person).bind("t", fresh).bind("now", now.atOffset(ZoneOffset.UTC))
                .map(row -> row.get("token", String.class)).one();
    }

    public Mono<Void> revoke(String person) {
        return db.sql("DELETE FROM calendar_feed WHERE person_id = :p").bind("p", person).then();
    }

    /** Whose feed the token opens; empty when it is unknown or revoked. */
    public Mono<String> personOf(String token) {
        return db.sql("SELECT person_id FROM calendar_feed WHERE token = :t").bind("t", token)
                .map(row -> row.get("person_id", String.class)).one();
    }
}
