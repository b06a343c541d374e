package io.guildhall.event.coorganiser;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** An event's co-organisers. */
@Repository
public class CoOrganiserStore {

    private final DatabaseClient db;

    public CoOrganiserStore(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Boolean> isCoOrganiser(UUID event, String person) {
        return db.sql("SELECT EXISTS (SELECT 1 FROM co_organiser WHERE event_id = :e AND person_id = :p) AS yes")
                .bind("e", event).bind("p", person).map(row -> row.get("yes", Boolean.class)).one();
    }

    public Flux<String> of(UUID event) {
        return db.sql("SELECT person_id FROM co_organiser WHERE event_id = :e ORDER BY added_at, person_id")
                .bind("e", event).map(row -> row.get("person_id", String.class)).all();
    }

    public Mono<Long> count(UUID event) {
        return db.sql("SELECT count(*) AS n FROM co_organiser WHERE event_id = :e").bind("e", event)
                .map(row -> row.get("n", Long.class)).one();
    }

    /** True when added, false when they already were one. */
    public Mono<Boolean> add(UUID event, String person, String by, Instant now) {
        return db.sql("""
                        INSERT INTO co_organiser (event_id, person_id, added_by, added_at) VALUES (:e, :p, :by, :at)
                        ON CONFLICT (event_id, person_id) DO NOTHING""")
                .bind("e", event).bind("p", person).bind("by", by).bind("at", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .fetch().rowsUpdated().map(n -> n > 0);
    }

    /** True when removed, false when they were none. */
    public Mono<Boolean> remove(UUID event, String person) {
        return db.sql("DELETE FROM co_organiser WHERE event_id = :e AND person_id = :p").bind("e", event).bind("p", person)
                .fetch().rowsUpdated().map(n -> n > 0);
    }
}
