package io.guildhall.event.event;

import io.guildhall.contracts.event.EventCategory;
import io.guildhall.contracts.event.EventFormat;
import io.guildhall.support.security.CurrentPerson;
import io.guildhall.support.web.RequestValidation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

@RestController
@RequestMapping("/api/events")
public class EventController {

    private final EventService service;
    private final EventChanges changes;
    private final RequestValidation validation;

    public EventController(EventService service, EventChanges changes, RequestValidation validation) {
        this.service = service;
        this.changes = changes;
        this.validation = validation;
    }

    @PostMapping
    @PreAuthorize("hasRole('employee')")
    @Operation(summary = "Schedule an event; the caller is its organiser",
            description = "A community's event needs one of its leads (else 403) and a community that is not"
                    + " archived (else 409 naming communityId). An event that has already started (more than 5 minutes"
                    + " ago) may be scheduled only by a lead of its community, an admin or a holder of the realm role"
                    + " organiser, and at most 7 days back (else 400 naming startsAt).")
    public Mono<ResponseEntity<EventView>> create(@RequestBody CreateEventRequest request, CurrentPerson caller) {
        // The constraints and the rules across fields together: every mistake of the request in one answer.
        validation.check(request, EventRules.problems(request.startsAt(), request.endsAt(), request.rsvpDeadline(),
                request.timeZone(), request.format(), request.location(), request.onlineUrl()));
        return service.schedule(request, caller)
                .map(created -> ResponseEntity.created(URI.create("/api/events/" + created.id()))
                        .eTag(String.valueOf(created.sequence())).body(created));
    }

    @GetMapping("/{id:[0-9a-fA-F-]{36}}")
    @PreAuthorize("hasAnyRole('employee', 'executive', 'admin')")
    @Operation(summary = "One event, with the caller's own answer; its online link only for the people going, the"
            + " organiser and admins")
    public Mono<ResponseEntity<EventView>> get(@PathVariable UUID id, CurrentPerson caller) {
        return service.get(id, caller).map(event -> ResponseEntity.ok().eTag(String.valueOf(event.sequence())).body(event));
    }

    @PatchMapping("/{id:[0-9a-fA-F-]{36}}")
    @PreAuthorize("hasRole('employee')")
    @Operation(summary = "Edit or reschedule (organiser or admin); optional If-Match with the ETag (the SEQUENCE; a list or * too)")
    public Mono<ResponseEntity<EventView>> edit(@PathVariable UUID id, @Valid @RequestBody UpdateEventRequest change,
                                                @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                                CurrentPerson caller) {
        return changes.edit(id, change, ifMatch, caller).then(get(id, caller));
    }

    @PostMapping("/{id:[0-9a-fA-F-]{36}}/cancel")
    @PreAuthorize("hasRole('employee')")
    @Operation(summary = "Cancel (organiser or admin); RSVPs lapse, attendees are told through EventCancelled. An event that is over can be cancelled for 7 days after its end; its attendance is then retracted (AttendanceCorrected to 0)")
    public Mono<ResponseEntity<EventView>> cancel(@PathVariable UUID id,
                                                  @Valid @RequestBody(required = false) CancelEventRequest request,
                                                  CurrentPerson caller) {
        return changes.cancel(id, request, caller).then(get(id, caller));
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('employee', 'executive', 'admin')")
    @Operation(summary = "Events by start time; from/to select events overlapping [from, to)")
    public Flux<EventView> list(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            @RequestParam(required = false) EventCategory type,
            @RequestParam(required = false) EventFormat format,
            @RequestParam(required = false) UUID communityId,
            @RequestParam(required = false) UUID seriesId,
            @Parameter(description = "only events I organise or co-organise, or answered GOING / WAITLISTED")
            @RequestParam(defaultValue = "false") boolean mine,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
            CurrentPerson caller) {
        return service.list(new EventFilter(from, to, type, format, communityId, seriesId, mine, caller.personId(), caller.isAdmin()), page, size);
    }
}
