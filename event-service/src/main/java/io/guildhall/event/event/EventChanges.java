package io.guildhall.event.event;

import io.guildhall.contracts.GuildhallEvent;
import io.guildhall.contracts.event.EventCancelled;
import io.guildhall.contracts.event.EventRescheduled;
import io.guildhall.contracts.event.EventUpdated;
import io.guildhall.contracts.event.RsvpStatus;
import io.guildhall.event.rsvp.RsvpService;
import io.guildhall.event.rsvp.RsvpStore;
import io.guildhall.support.outbox.Outbox;
import io.guildhall.support.security.CurrentPerson;
import io.guildhall.support.web.ConflictException;
import io.guildhall.support.web.NotFoundException;
import io.guildhall.support.web.PreconditionFailedException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Edits, reschedules and cancellations by the organiser (or an admin), under the event's row lock. */
@Service
public class EventChanges {

    private final EventStore events;
    private final RsvpStore rsvps;
    private final RsvpService seats;
    private final Outbox outbox;
    private final Clock clock;

    public EventChanges(EventStore events, RsvpStore rsvps, RsvpService seats, Outbox outbox, Clock clock) {
        this.events = events;
        this.rsvps = rsvps;
        this.seats = seats;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * A new time is published as EventRescheduled, other changes as EventUpdated; more capacity promotes people
     * waiting, less than the people going is refused.
     */
    @Transactional
    public Mono<Void> edit(UUID id, UpdateEventRequest change, String ifMatch, CurrentPerson caller) {
        Instant now = clock.instant();
        return changeable(id, ifMatch, caller, now).flatMap(before -> {
            Event after = before.edit(change, now);
            return rsvps.count(id, RsvpStatus.GOING).flatMap(going -> {
                if (after.capacity() != null && after.capacity() < going) {
                    return Mono.error(new ConflictException("capacity",
                            going + " people are going already: the capacity cannot be less"));
                }
                List<GuildhallEvent> published = new ArrayList<>();
                if (after.isRescheduledFrom(before)) {
                    published.add(new EventRescheduled(id, before.startsAt(), before.endsAt(), after.startsAt(),
                            after.endsAt(), after.timeZone(), after.communityId(), after.sequence(), caller.personId(), now));
                }
                if (after.detailsDifferFrom(before)) {
                    published.add(new EventUpdated(id, after.title(), after.description(), after.type().name(),
                            after.format().name(), after.location(), after.onlineUrl(), after.capacity(),
                            after.rsvpDeadline(), after.communityId(), after.sequence(), caller.personId(), now));
                }
                if (published.isEmpty()) {
                    return Mono.<Void>empty();
                }
                Mono<Void> remindAgain = after.isRescheduledFrom(before) ? events.forgetReminders(id) : Mono.empty();
                return events.update(after).then(remindAgain).then(outbox.appendAll(published))
                        .then(seats.promote(after, now));
            });
        });
    }

    @Transactional
    public Mono<Void> cancel(UUID id, CancelEventRequest request, CurrentPerson caller) {
        Instant now = clock.instant();
        return changeable(id, null, caller, now).flatMap(before -> {
            Event cancelled = before.cancel(now);
            String reason = request == null || request.reason() == null || request.reason().isBlank()
                    ? null : request.reason().trim();
            return events.update(cancelled).then(outbox.append(new EventCancelled(id, reason, before.communityId(),
                    before.startsAt(), cancelled.sequence(), caller.personId(), now)));
        });
    }

    private Mono<Event> changeable(UUID id, String ifMatch, CurrentPerson caller, Instant now) {
        return events.lock(id)
                .switchIfEmpty(Mono.error(() -> new NotFoundException("No event " + id)))
                .flatMap(event -> {
                    if (!event.organiserId().equals(caller.personId()) && !caller.isAdmin()) {
                        return Mono.error(new AccessDeniedException("Only the organiser changes an event"));
                    }
                    if (ifMatch != null && !ifMatch.replace("W/", "").replace("\"", "").trim()
                            .equals(String.valueOf(event.sequence()))) {
                        return Mono.error(new PreconditionFailedException("The event changed since revision " + ifMatch));
                    }
                    if (event.status() == EventStatus.CANCELLED) {
                        return Mono.error(new ConflictException("The event is cancelled"));
                    }
                    if (!now.isBefore(event.endsAt())) {
                        return Mono.error(new ConflictException("The event is over"));
                    }
                    return Mono.just(event);
                });
    }
}
