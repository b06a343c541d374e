package io.guildhall.event.rsvp;

import io.guildhall.contracts.event.RsvpCancelled;
import io.guildhall.contracts.event.RsvpStatus;
import io.guildhall.contracts.event.WaitlistOfferExpired;
import io.guildhall.contracts.event.WaitlistOfferReminderDue;
import io.guildhall.event.event.EventStore;
import io.guildhall.support.outbox.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * The claim windows of offered seats (issue 17): an offer not taken in time lapses (the person leaves the waitlist:
 * WaitlistOfferExpired and RsvpCancelled) and the seat is offered to the next person waiting; before it lapses, a
 * reminder falls due once (WaitlistOfferReminderDue). Each lapse is handled under the event's row lock, like every
 * RSVP decision, so an answer racing it either takes the seat or finds it gone.
 */
@Component
public class WaitlistOffers {

    private static final Logger log = LoggerFactory.getLogger(WaitlistOffers.class);

    private final EventStore events;
    private final RsvpStore rsvps;
    private final RsvpService seats;
    private final Outbox outbox;
    private final TransactionalOperator tx;
    private final Clock clock;

    public WaitlistOffers(EventStore events, RsvpStore rsvps, RsvpService seats, Outbox outbox,
                          ReactiveTransactionManager transactions, Clock clock) {
        this.events = events;
        this.rsvps = rsvps;
        this.seats = seats;
        this.outbox = outbox;
        this.tx = TransactionalOperator.create(transactions);
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${guildhall.rsvp.offer-check-ms:30000}", initialDelayString = "${guildhall.rsvp.offer-check-ms:30000}")
    public void scheduled() {
        Long changed = check().block();
        if (changed != null && changed > 0) {
            log.info("Waitlist offers: {} lapsed or reminded", changed);
        }
    }

    /** Lapses the offers past their window (offering the seats on) and publishes the reminders due; how many. */
    public Mono<Long> check() {
        Instant now = clock.instant();
        Mono<Long> lapsed = rsvps.lapsedOffers().concatMap(lapse -> lapse(lapse.getKey(), lapse.getValue(), now)).count();
        Mono<Long> reminded = rsvps.remindersDue()
                .concatMap(due -> outbox.append(new WaitlistOfferReminderDue((UUID) due[0], (String) due[1], (Instant) due[2], now))
                        .thenReturn(1))
                .count();
        return lapsed.zipWith(reminded, Long::sum);
    }

    private Mono<Boolean> lapse(UUID eventId, String person, Instant now) {
        return events.lock(eventId)
                .flatMap(event -> rsvps.dropLapsed(eventId, person).filter(Boolean::booleanValue)
                        .flatMap(dropped -> outbox.append(new WaitlistOfferExpired(eventId, person, now))
                                .then(outbox.append(new RsvpCancelled(eventId, person, RsvpStatus.WAITLISTED.name(), now)))
                                .then(seats.promote(event, now))
                                .thenReturn(true)))
                .as(tx::transactional);
    }
}
