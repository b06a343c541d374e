package io.guildhall.event.attendance;

import io.guildhall.contracts.event.NoShowRecorded;
import io.guildhall.event.event.EventStatus;
import io.guildhall.event.event.EventStore;
import io.guildhall.support.outbox.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * After an event's end, everyone GOING without a check-in becomes a no-show (published), and the event is
 * COMPLETED. Each event is settled in its own transaction under its row lock, so several instances can run this.
 */
@Component
public class NoShows {

    private static final Logger log = LoggerFactory.getLogger(NoShows.class);

    private final EventStore events;
    private final AttendanceStore attendance;
    private final Outbox outbox;
    private final TransactionalOperator tx;
    private final Clock clock;

    public NoShows(EventStore events, AttendanceStore attendance, Outbox outbox,
                   TransactionalOperator tx, Clock clock) {
        this.events = events;
        this.attendance = attendance;
        this.outbox = outbox;
        this.tx = tx;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${guildhall.events.no-show-interval:PT1M}")
    void run() {
        try {
            settleEnded(clock.instant()).block();
        } catch (RuntimeException e) {
            log.warn("Recording no-shows failed; next attempt at the next interval", e);
        }
    }

    /** Settles every event that ended before {@code now}; returns how many no-shows were recorded. */
    public Mono<Long> settleEnded(Instant now) {
        return events.endedButScheduled(now, 500)
                .concatMap(id -> settle(id, now))
                .reduce(0L, Long::sum);
    }

    /** Settles one event if it has ended: its no-shows recorded and published, the event COMPLETED. */
    public Mono<Long> settle(UUID id, Instant now) {
        return tx.transactional(events.lock(id)
                .filter(event -> event.status() == EventStatus.SCHEDULED
                        && !now.isBefore(event.endsAt()))
                .flatMap(event -> attendance.recordNoShows(id, now)
                        .concatMap(person -> outbox.append(new NoShowRecorded(id, person, event.communityId(),
                                event.type().name(), event.startsAt(), event.endsAt(), event.timeZone(), now))
                                .thenReturn(person))
                        .count()
                        .flatMap(n -> events.complete(id, now).thenReturn(n))))
                .defaultIfEmpty(0L);
    }
}
