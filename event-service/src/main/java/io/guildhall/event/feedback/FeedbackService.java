package io.guildhall.event.feedback;

import io.guildhall.contracts.event.FeedbackChanged;
import io.guildhall.contracts.event.FeedbackGiven;
import io.guildhall.event.attendance.AttendanceStore;
import io.guildhall.event.coorganiser.CoOrganisers;
import io.guildhall.event.event.Event;
import io.guildhall.event.event.EventStore;
import io.guildhall.event.lead.CommunityLeadStore;
import io.guildhall.support.outbox.Outbox;
import io.guildhall.support.security.CurrentPerson;
import io.guildhall.support.web.ConflictException;
import io.guildhall.support.web.NotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Feedback after an event (issue 17): attendees who were checked in rate it once and may change their rating for 14
 * days after the end; the organiser, co-organisers, the community's leads and admins read the summary, which hides
 * everything but the count under 5 answers and never names anyone. Published anonymously (FeedbackGiven,
 * FeedbackChanged: the rating, never the person or the comment) for analytics' community health.
 */
@Service
public class FeedbackService {

    private final EventStore events;
    private final AttendanceStore attendance;
    private final FeedbackStore feedback;
    private final CoOrganisers coOrganisers;
    private final CommunityLeadStore leads;
    private final Outbox outbox;
    private final Clock clock;

    public FeedbackService(EventStore events, AttendanceStore attendance, FeedbackStore feedback, CoOrganisers coOrganisers,
                           CommunityLeadStore leads, Outbox outbox, Clock clock) {
        this.events = events;
        this.attendance = attendance;
        this.feedback = feedback;
        this.coOrganisers = coOrganisers;
        this.leads = leads;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public Mono<MyFeedback> give(UUID eventId, FeedbackRequest request, CurrentPerson caller) {
        Instant now = clock.instant();
        return attended(eventId, caller, now).flatMap(event -> {
            Feedback given = new Feedback(UUID.randomUUID(), eventId, caller.personId(), request.rating(),
                    blankToNull(request.comment()), now, now);
            return feedback.insert(given).flatMap(stored -> stored
                    ? outbox.append(new FeedbackGiven(eventId, given.id(), event.communityId(), event.type().name(),
                            given.rating(), now)).thenReturn(mine(event, given))
                    : Mono.error(new ConflictException("rating", "you have rated this event already; change it with PUT")));
        });
    }

    @Transactional
    public Mono<MyFeedback> change(UUID eventId, FeedbackRequest request, CurrentPerson caller) {
        Instant now = clock.instant();
        return attended(eventId, caller, now).flatMap(event -> feedback.find(eventId, caller.personId())
                .switchIfEmpty(Mono.error(() -> new NotFoundException("You have not rated event " + eventId)))
                .flatMap(before -> {
                    Feedback after = new Feedback(before.id(), eventId, before.personId(), request.rating(),
                            blankToNull(request.comment()), before.givenAt(), now);
                    Mono<Void> published = before.rating() == after.rating() ? Mono.empty()
                            : outbox.append(new FeedbackChanged(eventId, before.id(), event.communityId(), before.rating(),
                                    after.rating(), now));
                    return feedback.update(after).then(published).thenReturn(mine(event, after));
                }));
    }

    /** The caller's own feedback: 403 when they were not checked in (they give none), 404 when they gave none yet. */
    public Mono<MyFeedback> mine(UUID eventId, CurrentPerson caller) {
        return event(eventId).flatMap(event -> attendance.find(eventId, caller.personId()).filter(a -> a.minutes() > 0)
                .switchIfEmpty(Mono.error(() -> new AccessDeniedException("Only people checked in at the event give feedback on it")))
                .then(feedback.find(eventId, caller.personId()))
                .switchIfEmpty(Mono.error(() -> new NotFoundException("You have not rated event " + eventId)))
                .map(f -> mine(event, f)));
    }

    /** The organiser's, co-organisers', the community's leads' and admins' view. */
    public Mono<FeedbackSummary> summary(UUID eventId, CurrentPerson caller) {
        return event(eventId).flatMap(event -> mayRead(event, caller).flatMap(may -> may
                ? feedback.of(eventId).collectList().map(all -> FeedbackRules.summarise(eventId, all))
                : Mono.error(new AccessDeniedException("Only the organiser, co-organisers and the community's leads read the feedback"))));
    }

    private Mono<Boolean> mayRead(Event event, CurrentPerson caller) {
        return coOrganisers.runs(event, caller).flatMap(runs -> runs || event.communityId() == null ? Mono.just(runs)
                : leads.isLead(event.communityId(), caller.personId()));
    }

    /** The event, when the caller was checked in at it and feedback is open; else 403 or 409. */
    private Mono<Event> attended(UUID eventId, CurrentPerson caller, Instant now) {
        return event(eventId).flatMap(event -> {
            FeedbackRules.checkOpen(event, now);
            return attendance.find(eventId, caller.personId()).filter(a -> a.minutes() > 0)
                    .switchIfEmpty(Mono.error(() -> new AccessDeniedException(
                            "Only people checked in at the event give feedback on it")))
                    .thenReturn(event);
        });
    }

    private Mono<Event> event(UUID eventId) {
        return events.find(eventId).switchIfEmpty(Mono.error(() -> new NotFoundException("No event " + eventId)));
    }

    private static MyFeedback mine(Event event, Feedback f) {
        return new MyFeedback(event.id(), f.rating(), f.comment(), f.givenAt(), f.changedAt(), FeedbackRules.editableUntil(event));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
