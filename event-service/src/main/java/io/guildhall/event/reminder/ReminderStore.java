package io.guildhall.event.reminder;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** Which reminders have been sent: one per person going and event start, so a reminder goes out once. */
@Repository
public class ReminderStore {

    private final DatabaseClient db;

    public ReminderStore(DatabaseClient db) {
        this.db = db;
    }

    /** A reminder of one event for one person. */
    public record Due(UUID event, String person) {
    }

    /**
     * Claims the reminders due now (people GOING to a scheduled event that starts after {@code now} and by
     * {@code until}) that were not sent yet, the earliest events first, at most {@code limit}: each is returned once.
     */
    public Flux<Due> claimDue(Instant now, Instant until, int limit) {
        return db.sql("""
                        INSERT INTO reminder (event_id, person_id, due_at)
                        SELECT r.event_id, r.person_id, :now FROM rsvp r JOIN event e ON e.id = r.event_id
                        WHERE e.status = 'SCHEDULED' AND r.status = 'GOING' AND e.starts_at > :now AND e.starts_at <= :until
                        ORDER BY e.starts_at LIMIT :limit
                        ON CONFLICT DO NOTHING
                        RETURNING event_id, person_id""")
                .bind("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .bind("until", OffsetDateTime.ofInstant(until, ZoneOffset.UTC))
                .bind("limit", limit)
                .map(row -> new Due(row.get("event_id", UUID.class), row.get("person_id", String.class))).all();
    }
}
