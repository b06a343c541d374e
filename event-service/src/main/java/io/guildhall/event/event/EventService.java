package io.guildhall.event.event;

import io.guildhall.event.lead.CommunityLeadStore;
import io.guildhall.support.outbox.Outbox;
import io.guildhall.support.security.CurrentPerson;
import io.guildhall.support.web.ConflictException;
import io.guildhall.support.web.InvalidFieldException;
import io.guildhall.support.web.NotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

@Service
public class EventService {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

    private final EventStore events;
    private final CommunityLeadStore leads;
    private final Outbox outbox;
    private final Clock clock;

    public EventService(EventStore events, CommunityLeadStore leads, Outbox outbox, Clock clock) {
        this.events = events;
        this.leads = leads;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** The event and its EventScheduled commit together. */
    @Transactional
    public Mono<EventView> schedule(CreateEventRequest request, CurrentPerson organiser) {
        Event first = Event.schedule(UUID.randomUUID(), request.details(), organiser.personId(), checkInCode(), clock.instant());
        List<Event> occurrences = occurrences(first, request.recurrence());
        return mayOrganise(first, organiser)
                .then(mayStartInThePast(first.startsAt(), first.communityId(), organiser, clock.instant()))
                .thenMany(Flux.fromIterable(occurrences))
                .concatMap(event -> events.insert(event).then(outbox.append(event.scheduled())))
                .then(offerHours(request) == 0 ? Mono.empty()
                        : events.setWaitlistOfferHours(occurrences.stream().map(Event::id).toList(), offerHours(request)))
                .then(Mono.fromSupplier(() -> EventView.of(occurrences.get(0), 0, 0).withOffers(offerHours(request), 0)));
    }

    private static int offerHours(CreateEventRequest request) {
        return request.waitlistOfferHours() == null ? 0 : request.waitlistOfferHours();
    }

    /** A one-off event, or every occurrence of a series, all sharing the series id. */
    static List<Event> occurrences(Event first, Recurrence recurrence) {
        if (recurrence == null) {
            return List.of(first);
        }
        UUID series = UUID.randomUUID();
        return recurrence.starts(first.startsAt(), ZoneId.of(first.timeZone())).stream()
                .map(start -> first.occurrence(start.equals(first.startsAt()) ? first.id() : UUID.randomUUID(), series,
                        start, start.equals(first.startsAt()) ? first.checkInCode() : checkInCode()))
                .toList();
    }

    public Mono<EventView> get(UUID id, CurrentPerson caller) {
        return events.view(id, caller.personId(), caller.isAdmin()).switchIfEmpty(Mono.error(() -> new NotFoundException("No event " + id)));
    }

    public Flux<EventView> list(EventFilter filter, int page, int size) {
        return events.list(filter, page, size);
    }

    /** A community's event needs one of its leads (or an admin), and a community that is not archived. */
    private Mono<Void> mayOrganise(Event event, CurrentPerson caller) {
        if (event.communityId() == null) {
            return Mono.empty();
        }
        Mono<Void> lead = caller.isAdmin() ? Mono.empty() : leads.isLead(event.communityId(), caller.personId())
                .flatMap(isLead -> isLead ? Mono.<Void>empty() : Mono.error(new AccessDeniedException(
                        "Only a lead of community " + event.communityId() + " may organise its events")));
        return lead.then(leads.isArchived(event.communityId())
                .flatMap(archived -> archived ? Mono.<Void>error(new ConflictException("communityId",
                        "Community " + event.communityId() + " is archived: it holds no new events")) : Mono.empty()));
    }

    /**
     * An event that has already started may be scheduled (or moved there) only by a lead of its community, an admin
     * or a holder of the realm role {@code organiser}, and at most 7 days back ({@link EventRules#checkStartInThePast}).
     */
    Mono<Void> mayStartInThePast(Instant startsAt, UUID communityId, CurrentPerson caller, Instant now) {
        if (!EventRules.startsInThePast(startsAt, now)) {
            return Mono.empty();
        }
        EventRules.checkStartInThePast(startsAt, now);
        if (caller.isAdmin() || caller.hasRole(EventRules.ORGANISER_ROLE)) {
            return Mono.empty();
        }
        Mono<Boolean> lead = communityId == null ? Mono.just(false) : leads.isLead(communityId, caller.personId());
        return lead.flatMap(isLead -> isLead ? Mono.<Void>empty() : Mono.error(new InvalidFieldException("startsAt",
                "only a lead of the event's community, an admin or an organiser may schedule an event that has already started")));
    }

    public static String checkInCode() {
        char[] code = new char[6];
        for (int i = 0; i < code.length; i++) {
            code[i] = CODE_ALPHABET[RANDOM.nextInt(CODE_ALPHABET.length)];
        }
        return new String(code);
    }
}
