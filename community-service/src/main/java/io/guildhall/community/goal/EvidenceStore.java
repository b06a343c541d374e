package io.guildhall.community.goal;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The sessions behind a community's event-evidence goals (sessions held, unique attendees, hours invested): the
 * community's events with at least one attendance of more than 0 minutes, as the evidence handler recorded them.
 */
@Component
public class EvidenceSessions {

    /** One event that took place, with its start and how many people attended it. */
    public record Session(UUID eventId, Instant startsAt, long attendees) {
    }

    private final DatabaseClient db;

    public EvidenceSessions(DatabaseClient db) {
        this.db = db;
    }

    public Flux<Session> of(UUID communityId) {
        return db.sql("""
                        SELECT event_id, min(starts_at) AS starts_at, count(DISTINCT person_id) AS attendees
                        FROM evidence_attendance WHERE community_id = :c AND minutes > 0
                        GROUP BY event_id ORDER BY min(starts_at) DESC, event_id""")
                .bind("c", communityId)
                .map(row -> new Session(row.get("event_id", UUID.class),
                        row.get("starts_at", OffsetDateTime.class).toInstant(),
                        row.get("attendees", Long.class)))
                .all();
    }
}
