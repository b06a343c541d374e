package io.guildhall.community.goal;

import io.guildhall.contracts.community.GoalMetric;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * The attendance replica behind a community's event-evidence goals (sessions held, unique attendees, hours
 * invested), keyed by event and person, so that a re-published attendance cannot count twice.
 */
@Repository
public class EvidenceStore {

    /** One event that took place, with its start and how many people attended it. */
    public record Session(UUID eventId, Instant startsAt, long attendees) {
    }

    private final DatabaseClient db;

    public EvidenceStore(DatabaseClient db) {
        this.db = db;
    }

    /** Records (or corrects) one person's attended minutes at one event of a community. */
    public Mono<Void> record(UUID eventId, String personId, UUID communityId, Instant startsAt, int minutes, Instant at) {
        return db.sql("""
                        INSERT INTO evidence_attendance (event_id, person_id, community_id, starts_at, minutes, recorded_at)
                        VALUES (:e, :p, :c, :s, :m, :t)
                        ON CONFLICT (event_id, person_id) DO UPDATE
                            SET community_id = EXCLUDED.community_id, starts_at = EXCLUDED.starts_at,
                                minutes = EXCLUDED.minutes, recorded_at = EXCLUDED.recorded_at""")
                .bind("e", eventId).bind("p", personId).bind("c", communityId)
                .bind("s", OffsetDateTime.ofInstant(startsAt, ZoneOffset.UTC)).bind("m", Math.max(0, minutes))
                .bind("t", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .then();
    }

    /**
     * The community's measure of an evidence metric over events that start in [from, until):
     * SESSIONS_HELD = events with at least one attendee, UNIQUE_ATTENDEES = distinct attendees,
     * HOURS_INVESTED = attended minutes / 60.
     */
    public Mono<BigDecimal> measure(UUID communityId, GoalMetric metric, OffsetDateTime from, OffsetDateTime until) {
        String measure = switch (metric) {
            case SESSIONS_HELD -> "count(DISTINCT event_id)::numeric";
            case UNIQUE_ATTENDEES -> "count(DISTINCT person_id)::numeric";
            case HOURS_INVESTED -> "coalesce(sum(minutes), 0)::numeric / 60";
            default -> throw new IllegalArgumentException("No event evidence for " + metric);
        };
        return db.sql("SELECT " + measure + " AS measured FROM evidence_attendance WHERE community_id = :c AND minutes > 0"
                        + " AND starts_at >= :from AND starts_at < :until")
                .bind("c", communityId).bind("from", from).bind("until", until)
                .map(row -> row.get("measured", BigDecimal.class)).one();
    }

    /** The community's events with at least one attendance of more than 0 minutes, the latest first. */
    public Flux<Session> sessionsOf(UUID communityId) {
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
