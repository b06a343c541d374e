package io.guildhall.event.reminder;

import io.guildhall.contracts.event.EventReminderDue;
import io.guildhall.event.event.Event;
import io.guildhall.event.event.EventStore;
import io.guildhall.support.outbox.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Publishes EventReminderDue for each person GOING to an event that starts within 24 hours, once. The reminder
 * row and the outbox row commit together, so a reminder is neither lost nor doubled, even with several instances.
 */
@Component
public class Reminders {

    static final Duration AHEAD = Duration.ofHours(24);
    private static final Logger log = LoggerFactory.getLogger(Reminders.class);

    private final DatabaseClient db;
    private final EventStore events;
    private final Outbox outbox;
    private final TransactionalOperator tx;
    private final Clock clock;

    public Reminders(DatabaseClient db, EventStore events, Outbox outbox, TransactionalOperator tx, Clock clock) {
        this.db = db;
        this.events = events;
        this.outbox = outbox;
        this.tx = tx;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${guildhall.events.reminder-interval:PT1M}")
    void run() {
        try {
            sendDue(clock.instant()).block();
        } catch (RuntimeException e) {
            log.warn("Publishing reminders failed; next attempt at the next interval", e);
        }
    }

    /** Returns how many reminders became due. */
    public Mono<Long> sendDue(Instant now) {
        return tx.transactional(db.sql("""
                        INSERT INTO reminder (event_id, person_id, due_at)
                        SELECT r.event_id, r.person_id, :now FROM rsvp r JOIN event e ON e.id = r.event_id
                        WHERE e.status = 'SCHEDULED' AND r.status = 'GOING' AND e.starts_at > :now AND e.starts_at <= :until
                        ORDER BY e.starts_at LIMIT 1000
                        ON CONFLICT DO NOTHING
                        RETURNING event_id, person_id""")
                .bind("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .bind("until", OffsetDateTime.ofInstant(now.plus(AHEAD), ZoneOffset.UTC))
                .map(row -> new Due(row.get("event_id", UUID.class), row.get("person_id", String.class))).all()
                .concatMap(due -> events.find(due.event()).flatMap(event -> outbox.append(reminder(event, due.person(), now))))
                .count());
    }

    private static EventReminderDue reminder(Event event, String person, Instant now) {
        return new EventReminderDue(event.id(), person, event.title(), event.startsAt(), event.endsAt(), event.timeZone(),
                event.location(), event.onlineUrl(), now);
    }

    private record Due(UUID event, String person) {
    }
}
