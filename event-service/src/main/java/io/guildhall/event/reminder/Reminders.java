package io.guildhall.event.reminder;

import io.guildhall.contracts.event.EventReminderDue;
import io.guildhall.event.event.Event;
import io.guildhall.event.event.EventStore;
import io.guildhall.support.outbox.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Publishes EventReminderDue for each person GOING to an event that starts within 24 hours, once. The reminder
 * row and the outbox row commit together, so a reminder is neither lost nor doubled, even with several instances.
 */
@Component
public class Reminders {

    static final Duration AHEAD = Duration.ofHours(24);
    private static final Logger log = LoggerFactory.getLogger(Reminders.class);

    private final ReminderStore reminders;
    private final EventStore events;
    private final Outbox outbox;
    private final TransactionalOperator tx;
    private final Clock clock;

    public Reminders(ReminderStore reminders, EventStore events, Outbox outbox, TransactionalOperator tx, Clock clock) {
        this.reminders = reminders;
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
        return tx.transactional(reminders.claimDue(now, now.plus(AHEAD), 1000)
                .concatMap(due -> events.find(due.event()).flatMap(event -> outbox.append(reminder(event, due.person(), now))))
                .count());
    }

    private static EventReminderDue reminder(Event event, String person, Instant now) {
        return new EventReminderDue(event.id(), person, event.title(), event.startsAt(), event.endsAt(), event.timeZone(),
                event.location(), event.onlineUrl(), now);
    }

}
