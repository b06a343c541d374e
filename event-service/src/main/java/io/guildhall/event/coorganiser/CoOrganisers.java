package io.guildhall.event.coorganiser;

import io.guildhall.contracts.event.CoOrganiserAdded;
import io.guildhall.contracts.event.CoOrganiserRemoved;
import io.guildhall.event.event.Event;
import io.guildhall.event.event.EventStore;
import io.guildhall.support.outbox.Outbox;
import io.guildhall.support.security.CurrentPerson;
import io.guildhall.support.web.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The organiser's helpers (issue 17): the organiser or an admin adds and removes them; each change is published.
 * Co-organisers check people in and see the attendees ({@code AttendanceService}), and are inside the event
 * ({@code WhoSees}); editing, cancelling and deleting stay the organiser's.
 */
@Service
public class CoOrganisers {

    private static final Logger AUDIT = LoggerFactory.getLogger("guildhall.audit");

    private final EventStore events;
    private final CoOrganiserStore store;
    private final Outbox outbox;
    private final Clock clock;

    public CoOrganisers(EventStore events, CoOrganiserStore store, Outbox outbox, Clock clock) {
        this.events = events;
        this.store = store;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Whether {@code caller} runs {@code event}: its organiser, a co-organiser or an admin. */
    public Mono<Boolean> runs(Event event, CurrentPerson caller) {
        return event.isOrganisedBy(caller) ? Mono.just(true) : store.isCoOrganiser(event.id(), caller.personId());
    }

    /** The event's co-organisers; 404 for an event that does not exist. */
    public Mono<List<String>> of(UUID eventId) {
        return events.find(eventId).switchIfEmpty(Mono.error(() -> new NotFoundException("No event " + eventId)))
                .then(store.of(eventId).collectList());
    }

    @Transactional
    public Mono<List<String>> add(UUID eventId, String person, CurrentPerson caller) {
        Instant now = clock.instant();
        return organised(eventId, caller)
                .flatMap(event -> store.count(eventId).flatMap(already -> {
                    CoOrganiserRules.checkAdd(event, person, already);
                    return store.add(eventId, person, caller.personId(), now);
                }).flatMap(added -> added
                        ? outbox.append(new CoOrganiserAdded(eventId, person, event.communityId(), caller.personId(), now))
                                .doOnSuccess(done -> AUDIT.info("co-organiser added: event {} person {} by {}", eventId,
                                        person, caller.personId()))
                        : Mono.empty()))
                .then(of(eventId));
    }

    @Transactional
    public Mono<List<String>> remove(UUID eventId, String person, CurrentPerson caller) {
        Instant now = clock.instant();
        return organised(eventId, caller)
                .flatMap(event -> store.remove(eventId, person).flatMap(removed -> removed
                        ? outbox.append(new CoOrganiserRemoved(eventId, person, event.communityId(), caller.personId(), now))
                                .doOnSuccess(done -> AUDIT.info("co-organiser removed: event {} person {} by {}", eventId,
                                        person, caller.personId()))
                        : Mono.error(new NotFoundException(person + " is not a co-organiser of event " + eventId))))
                .then(of(eventId));
    }

    private Mono<Event> organised(UUID eventId, CurrentPerson caller) {
        return events.lock(eventId)
                .switchIfEmpty(Mono.error(() -> new NotFoundException("No event " + eventId)))
                .flatMap(event -> event.isOrganisedBy(caller) ? Mono.just(event)
                        : Mono.error(new AccessDeniedException("Only the organiser (or an admin) chooses co-organisers")));
    }
}
