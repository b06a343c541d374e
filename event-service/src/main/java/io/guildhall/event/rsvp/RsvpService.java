package io.guildhall.event.rsvp;

import io.guildhall.contracts.event.RsvpCancelled;
import io.guildhall.contracts.event.RsvpConfirmed;
import io.guildhall.contracts.event.RsvpDeclined;
import io.guildhall.contracts.event.RsvpStatus;
import io.guildhall.contracts.event.RsvpWaitlisted;
import io.guildhall.contracts.event.WaitlistPromoted;
import io.guildhall.event.event.Event;
import io.guildhall.event.event.EventStore;
import io.guildhall.support.outbox.Outbox;
import io.guildhall.support.web.ConflictException;
import io.guildhall.support.web.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Answers and seats. Every write first locks the event's row, so the decisions for one event happen one after the
 * other: capacity cannot be exceeded and the waitlist keeps the order in which the answers were decided.
 */
@Service
public class RsvpService {

    private final EventStore events;
    private final RsvpStore rsvps;
    private final Outbox outbox;
    private final Clock clock;

    public RsvpService(EventStore events, RsvpStore rsvps, Outbox outbox, Clock clock) {
        this.events = events;
        this.rsvps = rsvps;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public Mono<RsvpView> answer(UUID eventId, RsvpRequest.Answer answer, String person) {
        Instant now = clock.instant();
        return lockOpen(eventId, now).flatMap(event -> rsvps.statusOf(eventId, person)
                .map(Optional::of).defaultIfEmpty(Optional.empty())
                .flatMap(current -> answer == RsvpRequest.Answer.GOING
                        ? going(event, person, current.orElse(null), now)
                        : notGoing(event, person, current.orElse(null), now)));
    }

    @Transactional
    public Mono<Void> withdraw(UUID eventId, String person) {
        Instant now = clock.instant();
        return lockOpen(eventId, now).flatMap(event -> rsvps.statusOf(eventId, person)
                .switchIfEmpty(Mono.error(() -> new NotFoundException("You have not answered event " + eventId)))
                .flatMap(previous -> rsvps.delete(eventId, person)
                        .then(outbox.append(new RsvpCancelled(eventId, person, previous.name(), now)))
                        .then(previous == RsvpStatus.GOING ? promote(event, now) : Mono.empty())));
    }

    public Mono<RsvpView> mine(UUID eventId, String person) {
        return events.find(eventId)
                .switchIfEmpty(Mono.error(() -> new NotFoundException("No event " + eventId)))
                .then(rsvps.statusOf(eventId, person))
                .flatMap(status -> status == RsvpStatus.WAITLISTED
                        ? rsvps.position(eventId, person).map(p -> new RsvpView(eventId, person, status, p))
                        : Mono.just(new RsvpView(eventId, person, status, null)))
                .switchIfEmpty(Mono.error(() -> new NotFoundException("You have not answered event " + eventId)));
    }

    /** Seats freed (a cancelled RSVP, more capacity) go to the people waiting longest; each promotion is published. */
    public Mono<Void> promote(Event event, Instant now) {
        return rsvps.count(event.id(), RsvpStatus.GOING)
                .zipWith(rsvps.count(event.id(), RsvpStatus.WAITLISTED))
                .map(counts -> Seats.promotable(event.capacity(), counts.getT1(), counts.getT2()))
                .filter(n -> n > 0)
                .flatMapMany(n -> rsvps.promote(event.id(), n))
                .concatMap(person -> outbox.append(new WaitlistPromoted(event.id(), person, event.communityId(),
                        event.type().name(), event.startsAt(), event.endsAt(), event.timeZone(), now)))
                .then();
    }

    /** Decides and answers within the event's lock, so the position returned is the one the person got. */
    private Mono<RsvpView> going(Event event, String person, RsvpStatus current, Instant now) {
        return rsvps.count(event.id(), RsvpStatus.GOING).flatMap(going -> {
            RsvpStatus next = Seats.answerGoing(event.capacity(), going, current);
            RsvpView seated = new RsvpView(event.id(), person, RsvpStatus.GOING, null);
            if (next == RsvpStatus.GOING) {
                return next == current ? Mono.just(seated) : rsvps.answer(event.id(), person, next, now)
                        .then(outbox.append(new RsvpConfirmed(event.id(), person, event.communityId(),
                                event.type().name(), event.startsAt(), event.endsAt(), event.timeZone(), now)))
                        .thenReturn(seated);
            }
            Mono<Void> store = next == current ? Mono.empty() : rsvps.answer(event.id(), person, next, now);
            return store.then(rsvps.position(event.id(), person))
                    .flatMap(position -> (next == current ? Mono.<Void>empty()
                            : outbox.append(new RsvpWaitlisted(event.id(), person, position, now)))
                            .thenReturn(new RsvpView(event.id(), person, RsvpStatus.WAITLISTED, position)));
        });
    }

    private Mono<RsvpView> notGoing(Event event, String person, RsvpStatus current, Instant now) {
        RsvpView declined = new RsvpView(event.id(), person, RsvpStatus.NOT_GOING, null);
        if (current == RsvpStatus.NOT_GOING) {
            return Mono.just(declined);
        }
        return rsvps.answer(event.id(), person, RsvpStatus.NOT_GOING, now)
                .then(outbox.append(new RsvpDeclined(event.id(), person, now)))
                .then(current == RsvpStatus.GOING ? promote(event, now) : Mono.empty())
                .thenReturn(declined);
    }

    private Mono<Event> lockOpen(UUID eventId, Instant now) {
        return events.lock(eventId)
                .switchIfEmpty(Mono.error(() -> new NotFoundException("No event " + eventId)))
                .flatMap(event -> event.rsvpRefusal(now)
                        .<Mono<Event>>map(reason -> Mono.error(new ConflictException("status", "No RSVP: " + reason)))
                        .orElseGet(() -> Mono.just(event)));
    }
}
