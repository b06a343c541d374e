package io.guildhall.event.event;

import io.guildhall.contracts.GuildhallEvent;
import io.guildhall.contracts.event.EventCancelled;
import io.guildhall.contracts.event.EventRescheduled;
import io.guildhall.contracts.event.EventUpdated;
import io.guildhall.contracts.event.RsvpStatus;
import io.guildhall.event.attendance.AttendanceService;
import io.guildhall.event.rsvp.RsvpService;
import io.guildhall.event.rsvp.RsvpStore;
import io.guildhall.support.outbox.Outbox;
import io.guildhall.support.security.CurrentPerson;
import io.guildhall.support.web.ConflictException;
import io.guildhall.support.web.IfMatch;
import io.guildhall.support.web.NotFoundException;
import io.guildhall.support.web.PreconditionFailedException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
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
    private final EventService schedule;
    private final AttendanceService attendance;

    public EventChanges(EventStore events, RsvpStore rsvps, RsvpService seats, Outbox outbox, Clock clock,
                        EventService schedule, AttendanceService attendance) {
        this.schedule = schedule;
        this.attendance = attendance;
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
            Event after = before.edit(change.change(), now);
            Mono<Void> offers = change.waitlistOfferHours() == null ? Mono.empty()
                    : events.setWaitlistOfferHours(List.of(id), change.waitlistOfferHours());
            Mono<Void> intoThePast = after.startsAt().equals(before.startsAt()) ? Mono.empty()
                    : schedule.mayStartInThePast(after.startsAt(), after.communityId(), caller, now);
            return intoThePast.then(rsvps.count(id, RsvpStatus.GOING)).flatMap(going -> {
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
                    return offers;
                }
                Mono<Void> remindAgain = after.isRescheduledFrom(before) ? events.forgetReminders(id) : Mono.empty();
                return events.update(after).then(offers).then(remindAgain).then(outbox.appendAll(published))
                        .then(seats.promote(after, now));
            });
        });
    }

    /**
     * Cancels an event; one that is over can still be cancelled for 7 days (scheduled by mistake, never held), and
     * then its attendance is retracted: a cancelled event counts nothing.
     */
    @Transactional
    public Mono<Void> cancel(UUID id, CancelEventRequest request, CurrentPerson caller) {
        Instant now = clock.instant();
        return changeable(id, null, caller, now, EventRules.FURTHEST_BACK).flatMap(before -> {
            Event cancelled = before.cancel(now);
            String reason = request == null || request.reason() == null || request.reason().isBlank()
                    ? null : request.reason().trim();
            return events.update(cancelled).then(outbox.append(new EventCancelled(id, reason, before.communityId(),
                            before.startsAt(), cancelled.sequence(), caller.personId(), now)))
                    .then(attendance.retractAll(cancelled, caller.personId(), now));
        });
    }

    private Mono<Event> changeable(UUID id, String ifMatch, CurrentPerson caller, Instant now) {
        return changeable(id, ifMatch, caller, now, Duration.ZERO);
    }

    /** The event, locked, if the caller may change it and it is not over (or over for less than {@code grace}). */
    private Mono<Event> changeable(UUID id, String ifMatch, CurrentPerson caller, Instant now, Duration grace) {
        return events.lock(id)
                .switchIfEmpty(Mono.error(() -> new NotFoundException("No event " + id)))
                .flatMap(event -> {
                    if (!event.isOrganisedBy(caller)) {
                        return Mono.error(new AccessDeniedException("Only the organiser changes an event"));
                    }
                    if (!IfMatch.matches(ifMatch, event.sequence())) {
                        return Mono.error(new PreconditionFailedException("The event changed since revision " + ifMatch
                                + " (now \"" + event.sequence() + "\"); fetch it again and reapply your change"));
                    }
                    if (event.status() == EventStatus.CANCELLED) {
                        return Mono.error(new ConflictException("The event is cancelled"));
                    }
                    if (!now.isBefore(event.endsAt().plus(grace))) {
                        return Mono.error(new ConflictException(grace.isZero() ? "The event is over"
                                : "The event has been over for more than " + grace.toDays() + " days"));
                    }
                    return Mono.just(event);
                });
    }
}
