package io.guildhall.event.rsvp;

import io.guildhall.contracts.GuildhallEvent;
import io.guildhall.contracts.event.RsvpCancelled;
import io.guildhall.contracts.event.RsvpConfirmed;
import io.guildhall.contracts.event.RsvpDeclined;
import io.guildhall.contracts.event.RsvpStatus;
import io.guildhall.contracts.event.RsvpWaitlisted;
import io.guildhall.contracts.event.WaitlistOfferMade;
import io.guildhall.contracts.event.WaitlistPromoted;
import io.guildhall.event.coorganiser.CoOrganiserStore;
import io.guildhall.event.event.Event;
import io.guildhall.event.event.EventStore;
import io.guildhall.event.event.WhoSees;
import io.guildhall.support.security.CurrentPerson;
import io.guildhall.support.messaging.Traceparent;
import io.guildhall.support.outbox.Outbox;
import io.guildhall.support.web.ConflictException;
import io.guildhall.support.web.NotFoundException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Answers and seats. The answers for one event are decided in batches ({@link DecisionQueue}): one transaction
 * takes the event's row lock, decides every answer of the batch in arrival order and writes them with set-based SQL.
 * The lock makes the decisions of several instances follow each other, so capacity cannot be exceeded and the
 * waitlist keeps the order in which the answers were decided; the position returned is the one the person got.
 */
@Service
public class RsvpService {

    enum Kind { GOING, NOT_GOING, WITHDRAW }

    /** One person's request, with the traceparent of the HTTP request that carried it. */
    record Ask(Kind kind, String person, String traceparent) {
    }

    private final EventStore events;
    private final RsvpStore rsvps;
    private final CoOrganiserStore coOrganisers;
    private final Outbox outbox;
    private final Clock clock;
    private final TransactionalOperator tx;
    private final DecisionQueue<Ask, RsvpView> queue;
    /** One counter per outcome, registered up front so that a quiet service exports zeros, not nothing. */
    private final Map<String, Counter> decisions = new HashMap<>();

    /** Decided answers, by outcome (going, waitlisted, not_going, withdrawn): {@code guildhall_rsvp_decisions_total}. */
    public static final String DECISIONS_METRIC = "guildhall.rsvp.decisions";

    public RsvpService(EventStore events, RsvpStore rsvps, CoOrganiserStore coOrganisers, Outbox outbox, Clock clock,
                       ReactiveTransactionManager transactions, @Value("${guildhall.rsvp.max-batch:500}") int maxBatch,
                       MeterRegistry meters) {
        for (String outcome : List.of("going", "waitlisted", "not_going", "withdrawn")) {
            decisions.put(outcome, Counter.builder(DECISIONS_METRIC)
                    .description("RSVP answers decided and committed, by outcome")
                    .tag("outcome", outcome)
                    .register(meters));
        }
        this.events = events;
        this.rsvps = rsvps;
        this.coOrganisers = coOrganisers;
        this.outbox = outbox;
        this.clock = clock;
        this.tx = TransactionalOperator.create(transactions);
        this.queue = new DecisionQueue<>(this::decide, maxBatch);
    }

    public Mono<RsvpView> answer(UUID eventId, RsvpRequest.Answer answer, String person) {
        return submit(eventId, answer == RsvpRequest.Answer.GOING ? Kind.GOING : Kind.NOT_GOING, person);
    }

    public Mono<Void> withdraw(UUID eventId, String person) {
        return submit(eventId, Kind.WITHDRAW, person).then();
    }

    private Mono<RsvpView> submit(UUID eventId, Kind kind, String person) {
        return Mono.deferContextual(context -> queue.submit(eventId, new Ask(kind, person,
                context.getOrEmpty(Traceparent.CONTEXT_KEY).map(Object::toString).orElseGet(Traceparent::startNew))));
    }

    public Mono<RsvpView> mine(UUID eventId, String person) {
        return events.find(eventId)
                .switchIfEmpty(Mono.error(() -> new NotFoundException("No event " + eventId)))
                .then(rsvps.statusOf(eventId, person))
                .flatMap(status -> status == RsvpStatus.WAITLISTED
                        ? rsvps.position(eventId, person).zipWith(rsvps.offerOf(eventId, person).map(java.util.Optional::of)
                                        .defaultIfEmpty(java.util.Optional.empty()))
                                .map(p -> new RsvpView(eventId, person, status, p.getT1(), p.getT2().orElse(null)))
                        : Mono.just(new RsvpView(eventId, person, status, null)))
                .switchIfEmpty(Mono.error(() -> new NotFoundException("You have not answered event " + eventId)));
    }

    /** The count of people going, and who they are when the caller is inside the event ({@link WhoSees}). */
    public Mono<Going> going(UUID eventId, CurrentPerson caller) {
        return events.find(eventId)
                .switchIfEmpty(Mono.error(() -> new NotFoundException("No event " + eventId)))
                .flatMap(event -> Mono.zip(rsvps.statusOf(eventId, caller.personId()).map(Enum::name).defaultIfEmpty(""),
                                rsvps.people(eventId, RsvpStatus.GOING).collectList(),
                                coOrganisers.isCoOrganiser(eventId, caller.personId()))
                        .map(found -> new Going(eventId, found.getT2().size(),
                                WhoSees.insideOf(event, caller.personId(), caller.isAdmin(), found.getT1(), found.getT3())
                                        ? found.getT2() : null)));
    }

    /**
     * Seats freed (a cancelled RSVP, more capacity, a lapsed offer) go to the people waiting longest: at once, or,
     * when the event has a claim window, as offers they accept within it (each published).
     */
    public Mono<Void> promote(Event event, Instant now) {
        return events.waitlistOfferHours(event.id())
                .flatMap(hours -> hours == 0 ? promoteNow(event, now) : offer(event, hours, now));
    }

    private Mono<Void> offer(Event event, int hours, Instant now) {
        Instant expiresAt = now.plus(java.time.Duration.ofHours(hours));
        return rsvps.counts(event.id())
                .map(counts -> Seats.promotable(event.capacity(), counts[0], counts[1]))
                .filter(n -> n > 0)
                .flatMapMany(n -> rsvps.offer(event.id(), n, expiresAt))
                .map(person -> (GuildhallEvent) new WaitlistOfferMade(event.id(), person, event.communityId(), now, expiresAt))
                .collectList()
                .flatMap(outbox::appendAll);
    }

    private Mono<Void> promoteNow(Event event, Instant now) {
        return rsvps.count(event.id(), RsvpStatus.GOING)
                .zipWith(rsvps.count(event.id(), RsvpStatus.WAITLISTED))
                .map(counts -> Seats.promotable(event.capacity(), counts.getT1(), counts.getT2()))
                .filter(n -> n > 0)
                .flatMapMany(n -> rsvps.promote(event.id(), n))
                .map(person -> (GuildhallEvent) new WaitlistPromoted(event.id(), person, event.communityId(),
                        event.type().name(), event.startsAt(), event.endsAt(), event.timeZone(), now))
                .collectList()
                .flatMap(outbox::appendAll);
    }

    /** One batch for one event, in one transaction under the event's lock; the answers go out after the commit. */
    private Mono<Void> decide(UUID eventId, List<DecisionQueue.Request<Ask, RsvpView>> batch) {
        Instant now = clock.instant();
        Map<DecisionQueue.Request<Ask, RsvpView>, RsvpView> views = new IdentityHashMap<>();
        return tx.transactional(lockOpen(eventId, now).flatMap(event -> {
                    Batch state = new Batch(event, now, views);
                    return state.load(batch)
                            .thenMany(Flux.fromIterable(batch).concatMap(r -> Mono.defer(() -> state.decide(r))))
                            .then(Mono.defer(state::flush));
                }))
                // A withdrawal has no view: its caller gets an empty answer.
                // Counted before its answer goes out: whoever sees the answer sees it counted.
                .then(Mono.fromRunnable(() -> batch.forEach(r -> {
                    RsvpView view = views.get(r);
                    counted(r.request(), view);
                    r.result().tryEmitValue(view);
                })));
    }

    /** After the commit, once per answer; a request refused (the event gone, closed) is not a decision. */
    private void counted(Ask ask, RsvpView view) {
        String outcome = view != null ? view.status().name().toLowerCase(Locale.ROOT)
                : ask.kind() == Kind.WITHDRAW ? "withdrawn" : null;
        if (outcome != null) {
            decisions.get(outcome).increment();
        }
    }

    /** The state of one batch: counts and statuses as decided so far, and the writes not yet sent. */
    private final class Batch {
        private final Event event;
        private final Instant now;
        private final Map<DecisionQueue.Request<Ask, RsvpView>, RsvpView> views;
        private final Map<String, RsvpStatus> status = new HashMap<>();
        private final List<String> newPeople = new ArrayList<>();
        private final List<String> newStatuses = new ArrayList<>();
        private final List<Outbox.Traced> newEvents = new ArrayList<>();
        private long going;
        private long waiting;

        Batch(Event event, Instant now, Map<DecisionQueue.Request<Ask, RsvpView>, RsvpView> views) {
            this.event = event;
            this.now = now;
            this.views = views;
        }

        Mono<Void> load(List<DecisionQueue.Request<Ask, RsvpView>> batch) {
            return read(batch.stream().map(r -> r.request().person()).distinct().toList());
        }

        /** The people's statuses and the event's counts as the database has them now. */
        private Mono<Void> read(List<String> people) {
            status.clear();
            return rsvps.statuses(event.id(), people).doOnNext(s -> status.put(s.getKey(), s.getValue()))
                    .then(rsvps.counts(event.id())).doOnNext(counts -> {
                        going = counts[0];
                        waiting = counts[1];
                    }).then();
        }

        /**
         * A new GOING answer is decided here, in memory, and written with the others at the end. Anything else (a
         * change of mind, a withdrawal, waiting people asking again) is rare: the writes so far are flushed and the
         * answer goes through the row-by-row path, after which the batch re-reads what it may have changed.
         */
        Mono<Void> decide(DecisionQueue.Request<Ask, RsvpView> request) {
            Ask ask = request.request();
            RsvpStatus current = status.get(ask.person());
            if (ask.kind() == Kind.GOING && current != RsvpStatus.WAITLISTED) {
                RsvpStatus next = Seats.answerGoing(event.capacity(), going, current);
                if (next == current) {
                    return done(request, new RsvpView(event.id(), ask.person(), RsvpStatus.GOING, null));
                }
                status.put(ask.person(), next);
                newPeople.add(ask.person());
                newStatuses.add(next.name());
                if (next == RsvpStatus.GOING) {
                    going++;
                    newEvents.add(new Outbox.Traced(new RsvpConfirmed(event.id(), ask.person(), event.communityId(),
                            event.type().name(), event.startsAt(), event.endsAt(), event.timeZone(), now), ask.traceparent()));
                    return done(request, new RsvpView(event.id(), ask.person(), RsvpStatus.GOING, null));
                }
                int position = (int) ++waiting;
                newEvents.add(new Outbox.Traced(new RsvpWaitlisted(event.id(), ask.person(), position, now), ask.traceparent()));
                return done(request, new RsvpView(event.id(), ask.person(), RsvpStatus.WAITLISTED, position));
            }
            Mono<RsvpView> single = switch (ask.kind()) {
                // Someone waiting asks again: they take the seat offered to them, if any; else they keep their place.
                case GOING -> rsvps.accept(event.id(), ask.person()).flatMap(accepted -> accepted
                        ? outbox.append(new WaitlistPromoted(event.id(), ask.person(), event.communityId(),
                                event.type().name(), event.startsAt(), event.endsAt(), event.timeZone(), now))
                                .thenReturn(new RsvpView(event.id(), ask.person(), RsvpStatus.GOING, null))
                        : rsvps.position(event.id(), ask.person())
                                .map(p -> new RsvpView(event.id(), ask.person(), RsvpStatus.WAITLISTED, p)));
                case NOT_GOING -> notGoing(ask.person(), current);
                case WITHDRAW -> withdraw(ask.person(), current).then(Mono.empty());
            };
            return Mono.defer(this::flush)
                    .then(single.contextWrite(c -> c.put(Traceparent.CONTEXT_KEY, ask.traceparent())))
                    .flatMap(view -> done(request, view))
                    .onErrorResume(NotFoundException.class, error -> {
                        request.result().tryEmitError(error);
                        return Mono.empty();
                    })
                    .then(Mono.defer(() -> reload(ask.person())));
        }

        private Mono<Void> done(DecisionQueue.Request<Ask, RsvpView> request, RsvpView view) {
            views.put(request, view);
            return Mono.empty();
        }

        private Mono<Void> reload(String person) {
            List<String> people = new ArrayList<>(status.keySet());
            if (!people.contains(person)) {
                people.add(person);
            }
            return read(people);
        }

        private Mono<RsvpView> notGoing(String person, RsvpStatus current) {
            RsvpView declined = new RsvpView(event.id(), person, RsvpStatus.NOT_GOING, null);
            if (current == RsvpStatus.NOT_GOING) {
                return Mono.just(declined);
            }
            return rsvps.answer(event.id(), person, RsvpStatus.NOT_GOING, now)
                    .then(outbox.append(new RsvpDeclined(event.id(), person, now)))
                    // A seat freed, or a seat offered to someone who declines it: it goes on.
                    .then(current == RsvpStatus.GOING || current == RsvpStatus.WAITLISTED ? promote(event, now) : Mono.empty())
                    .thenReturn(declined);
        }

        private Mono<Void> withdraw(String person, RsvpStatus previous) {
            if (previous == null) {
                return Mono.error(new NotFoundException("You have not answered event " + event.id()));
            }
            return rsvps.delete(event.id(), person)
                    .then(outbox.append(new RsvpCancelled(event.id(), person, previous.name(), now)))
                    .then(previous == RsvpStatus.GOING || previous == RsvpStatus.WAITLISTED ? promote(event, now) : Mono.empty());
        }

        /** Writes the answers decided in memory (fresh arrival numbers in decision order) and their events. */
        Mono<Void> flush() {
            if (newPeople.isEmpty()) {
                return Mono.empty();
            }
            List<String> people = List.copyOf(newPeople);
            List<String> statuses = List.copyOf(newStatuses);
            List<Outbox.Traced> published = List.copyOf(newEvents);
            newPeople.clear();
            newStatuses.clear();
            newEvents.clear();
            return rsvps.answerAll(event.id(), people, statuses, now).then(outbox.appendTraced(published));
        }
    }

    private Mono<Event> lockOpen(UUID eventId, Instant now) {
        return events.lock(eventId)
                .switchIfEmpty(Mono.error(() -> new NotFoundException("No event " + eventId)))
                .flatMap(event -> event.rsvpRefusal(now)
                        .<Mono<Event>>map(reason -> Mono.error(new ConflictException("status", "No RSVP: " + reason)))
                        .orElseGet(() -> Mono.just(event)));
    }
}
