package io.guildhall.event.calendar;

import io.guildhall.event.coorganiser.CoOrganiserStore;
import io.guildhall.event.event.EventStore;
import io.guildhall.event.event.WhoSees;
import io.guildhall.event.rsvp.RsvpStore;
import io.guildhall.support.security.CurrentPerson;
import io.guildhall.support.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.UUID;

@RestController
public class CalendarController {

    static final MediaType TEXT_CALENDAR = MediaType.parseMediaType("text/calendar;charset=UTF-8");

    private final EventStore events;
    private final CalendarFeeds feeds;

    private final RsvpStore rsvps;

    private final CoOrganiserStore coOrganisers;

    public CalendarController(EventStore events, RsvpStore rsvps, CoOrganiserStore coOrganisers, CalendarFeeds feeds) {
        this.coOrganisers = coOrganisers;
        this.events = events;
        this.rsvps = rsvps;
        this.feeds = feeds;
    }

    @GetMapping("/api/events/{id:[0-9a-fA-F-]{36}}.ics")
    @PreAuthorize("hasAnyRole('employee', 'executive', 'admin')")
    @Operation(summary = "One event as an iCalendar file; its online link only for the people going, the organiser"
            + " and admins")
    public Mono<ResponseEntity<String>> event(@PathVariable UUID id, CurrentPerson caller) {
        return events.find(id)
                .switchIfEmpty(Mono.error(() -> new NotFoundException("No event " + id)))
                .flatMap(event -> Mono.zip(rsvps.statusOf(id, caller.personId()).map(Enum::name).defaultIfEmpty(""),
                                coOrganisers.isCoOrganiser(id, caller.personId()))
                        .map(found -> WhoSees.insideOf(event, caller.personId(), caller.isAdmin(), found.getT1(), found.getT2())
                                ? event : event.withoutOnlineUrl()))
                .map(event -> ResponseEntity.ok().contentType(TEXT_CALENDAR)
                        .header("Content-Disposition", "attachment; filename=\"event-" + id + ".ics\"")
                        .body(ICalendar.of(List.of(event), event.title())));
    }

    @GetMapping("/api/me/calendar")
    @PreAuthorize("hasRole('employee')")
    @Operation(summary = "The caller's secret calendar feed URL (created on first use)")
    public Mono<CalendarFeeds.FeedUrl> myFeed(CurrentPerson caller) {
        return feeds.urlOf(caller.personId());
    }

    @DeleteMapping("/api/me/calendar")
    @PreAuthorize("hasRole('employee')")
    @Operation(summary = "Revoke the feed URL; the next GET /api/me/calendar makes a new one")
    public Mono<ResponseEntity<Void>> revoke(CurrentPerson caller) {
        return feeds.revoke(caller.personId()).thenReturn(ResponseEntity.noContent().build());
    }

    @GetMapping("/api/calendar/feeds/{token}.ics")
    @Operation(summary = "A personal feed, for calendar apps: the secret token in the URL is the credential")
    public Mono<ResponseEntity<String>> feed(@PathVariable String token) {
        return feeds.eventsOf(token)
                .switchIfEmpty(Mono.error(() -> new NotFoundException("No such calendar feed")))
                .map(list -> ResponseEntity.ok().contentType(TEXT_CALENDAR)
                        .header("Cache-Control", "private, max-age=300")
                        .body(ICalendar.of(list, "Guildhall events")));
    }
}
