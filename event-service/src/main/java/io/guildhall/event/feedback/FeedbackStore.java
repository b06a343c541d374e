package io.guildhall.event.feedback;

import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** Feedback in PostgreSQL. */
@Repository
public class FeedbackStore {

    private final DatabaseClient db;

    public FeedbackStore(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Feedback> find(UUID event, String person) {
        return db.sql("SELECT * FROM feedback WHERE event_id = :e AND person_id = :p").bind("e", event).bind("p", person)
                .map(FeedbackStore::feedback).one();
    }

    public Flux<Feedback> of(UUID event) {
        return db.sql("SELECT * FROM feedback WHERE event_id = :e").bind("e", event).map(FeedbackStore::feedback).all();
    }

    /** True when stored, false when the person had given feedback already (their first stays). */
    public Mono<Boolean> insert(Feedback f) {
        return db.sql("""
                        INSERT INTO feedback (id, event_id, person_id, rating, comment, given_at, changed_at)
                        VALUES (:id, :e, :p, :r, :c, :at, :at) ON CONFLICT (event_id, person_id) DO NOTHING""")
                .bind("id", f.id()).bind("e", f.eventId()).bind("p", f.personId()).bind("r", (short) f.rating())
                .bind("c", Parameter.fromOrEmpty(f.comment(), String.class)).bind("at", utc(f.givenAt()))
                .fetch().rowsUpdated().map(n -> n > 0);
    }

    public Mono<Void> update(Feedback f) {
        return db.sql("UPDATE feedback SET rating = :r, comment = :c, changed_at = :at WHERE id = :id")
                .bind("id", f.id()).bind("r", (short) f.rating()).bind("c", Parameter.fromOrEmpty(f.comment(), String.class))
                .bind("at", utc(f.changedAt())).then();
    }

    /** An erasure: the person's comments go, their ratings stay (anonymous as they always were); how many. */
    public Mono<Long> dropComments(String person) {
        return db.sql("UPDATE feedback SET comment = NULL WHERE person_id = :p AND comment IS NOT NULL").bind("p", person)
                .fetch().rowsUpdated();
    }

    private static Feedback feedback(Readable row) {
        return new Feedback(row.get("id", UUID.class), row.get("event_id", UUID.class), row.get("person_id", String.class),
                row.get("rating", Short.class), row.get("comment", String.class),
                row.get("given_at", OffsetDateTime.class).toInstant(), row.get("changed_at", OffsetDateTime.class).toInstant());
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
