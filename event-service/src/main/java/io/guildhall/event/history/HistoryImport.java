package io.guildhall.event.history;

import io.guildhall.contracts.GuildhallEvent;
import io.guildhall.contracts.event.RsvpConfirmed;
import io.guildhall.contracts.event.RsvpStatus;
import io.guildhall.contracts.event.RsvpWaitlisted;
import io.guildhall.event.attendance.AttendanceService;
import io.guildhall.event.attendance.NoShows;
import io.guildhall.event.event.Event;
import io.guildhall.event.event.EventService;
import io.guildhall.event.event.EventStore;
import io.guildhall.event.event.EventView;
import io.guildhall.event.lead.CommunityLeadStore;
import io.guildhall.event.rsvp.RsvpStore;
import io.guildhall.support.outbox.Outbox;
import io.guildhall.support.security.CurrentPerson;
import io.guildhall.support.web.ConflictException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Imports an event that took place before the organisation used Guildhall: written and published exactly as if it had
 * been held here (EventScheduled recorded after the fact, RsvpConfirmed and RsvpWaitlisted, AttendanceRecorded by
 * the admin, NoShowRecorded), in one transaction, so analytics builds its figures from the same events as
 * ever. Admins only (the controller); every import is an audit line.
 */
@Service
public class HistoryImport {

    private static final Logger AUDIT = LoggerFactory.getLogger("guildhall.audit");

    private final EventStore events;
    private final RsvpStore rsvps;
    private final CommunityLeadStore communities;
    private final AttendanceService attendance;
    private final NoShows noShows;
    private final Outbox outbox;
    private final Clock clock;

    public HistoryImport(EventStore events, RsvpStore rsvps, CommunityLeadStore communities, AttendanceService attendance,
                         NoShows noShows, Outbox outbox, Clock clock) {
        this.events = events;
        this.rsvps = rsvps;
        this.communities = communities;
        this.attendance = attendance;
        this.noShows = noShows;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public Mono<EventView> importEvent(HistoryImportRequest request, CurrentPerson admin) {
        Instant now = clock.instant();
        HistoryRules.check(request, admin.personId(), now);
        Event event = Event.schedule(UUID.randomUUID(), request.details(), request.organiserId().trim(),
                EventService.checkInCode(), now);
        List<String> going = new ArrayList<>();
        request.attended().forEach(a -> going.add(a.personId().trim()));
        request.noShows().forEach(p -> going.add(p.trim()));
        List<String> waiting = request.waitlisted().stream().map(String::trim).toList();
        List<String> people = new ArrayList<>(going);
        people.addAll(waiting);
        List<String> statuses = new ArrayList<>();
        going.forEach(p -> statuses.add(RsvpStatus.GOING.name()));
        waiting.forEach(p -> statuses.add(RsvpStatus.WAITLISTED.name()));

        Mono<Void> community = event.communityId() == null ? Mono.empty() : communities.isArchived(event.communityId())
                .flatMap(archived -> archived ? Mono.<Void>error(new ConflictException("communityId",
                        "Community " + event.communityId() + " is archived: it takes no events")) : Mono.empty());
        List<GuildhallEvent> published = new ArrayList<>();
        published.add(event.scheduled());
        going.forEach(person -> published.add(new RsvpConfirmed(event.id(), person, event.communityId(),
                event.type().name(), event.startsAt(), event.endsAt(), event.timeZone(), now)));
        for (int i = 0; i < waiting.size(); i++) {
            published.add(new RsvpWaitlisted(event.id(), waiting.get(i), i + 1, now));
        }
        Map<String, Integer> minutes = new LinkedHashMap<>();
        request.attended().forEach(a -> minutes.put(a.personId().trim(),
                a.minutes() == null ? (int) event.lengthInMinutes() : a.minutes()));
        // A few statements, whatever the number of people: the event, the answers, the attendance, then one outbox
        // insert for all of it in the order a held event would have published it; the no-shows come last.
        return community
                .then(events.insert(event))
                .then(people.isEmpty() ? Mono.empty() : rsvps.answerAll(event.id(), people, statuses, now))
                .then(attendance.recordImported(event, minutes, admin.personId(), now))
                .flatMap(recorded -> {
                    published.addAll(recorded);
                    return outbox.appendAll(published);
                })
                .then(noShows.settle(event.id(), now))
                .doOnSuccess(n -> AUDIT.info("history imported: event {} ({} {}) organiser {} attended {} no-shows {}"
                        + " waitlisted {} by {}", event.id(), event.type(), event.startsAt(), event.organiserId(),
                        request.attended().size(), n, waiting.size(), admin.personId()))
                .then(events.view(event.id(), admin.personId(), true));
    }
}
