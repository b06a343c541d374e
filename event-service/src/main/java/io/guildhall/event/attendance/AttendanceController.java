package io.guildhall.event.attendance;

import io.guildhall.contracts.event.RsvpStatus;
import io.guildhall.event.event.EventStore;
import io.guildhall.support.security.CurrentPerson;
import io.guildhall.support.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.UUID;

@RestController
@RequestMapping("/api/events/{id}")
public class AttendanceController {

    private final AttendanceService service;
    private final EventStore events;
    private final DatabaseClient db;

    public AttendanceController(AttendanceService service, EventStore events, DatabaseClient db) {
        this.service = service;
        this.events = events;
        this.db = db;
    }

    @PostMapping("/check-ins")
    @PreAuthorize("hasRole('employee')")
    @Operation(summary = "Organiser: {personId, minutes?}, from 30 min before the start to 7 days after the end, never for themselves (403); attendee: {code}, from 30 min before the start to 2 h after the end, counting from the check-in (or the start) to the end")
    public Mono<AttendanceView> checkIn(@PathVariable UUID id, @Valid @RequestBody CheckInRequest request,
                                        CurrentPerson caller) {
        return service.checkIn(id, request, caller);
    }

    @PostMapping("/check-ins/bulk")
    @PreAuthorize("hasRole('employee')")
    @Operation(summary = "Organiser checks several people in at once; all or nothing")
    public Mono<List<AttendanceView>> checkInAll(@PathVariable UUID id, @Valid @RequestBody BulkCheckInRequest request,
                                                 CurrentPerson caller) {
        return service.checkInAll(id, request, caller);
    }

    @DeleteMapping("/check-ins/{personId}")
    @PreAuthorize("hasRole('employee')")
    @Operation(summary = "Organiser withdraws an attendance (published as a correction to 0 minutes)")
    public Mono<ResponseEntity<Void>> withdraw(@PathVariable UUID id, @PathVariable String personId, CurrentPerson caller) {
        return service.withdraw(id, personId, caller).thenReturn(ResponseEntity.noContent().build());
    }

    @GetMapping("/attendees")
    @PreAuthorize("hasRole('employee')")
    @Operation(summary = "Organiser (or admin): answers, attendance, no-shows and the self check-in code")
    public Mono<Attendees> attendees(@PathVariable UUID id, CurrentPerson caller) {
        return events.find(id)
                .switchIfEmpty(Mono.error(() -> new NotFoundException("No event " + id)))
                .flatMap(event -> {
                    if (!event.organiserId().equals(caller.personId()) && !caller.isAdmin()) {
                        return Mono.error(new AccessDeniedException("Only the organiser sees the attendees"));
                    }
                    return db.sql("""
                                    SELECT coalesce(r.person_id, a.person_id) AS person_id, r.status, a.minutes,
                                           EXISTS (SELECT 1 FROM no_show n WHERE n.event_id = :e
                                                   AND n.person_id = coalesce(r.person_id, a.person_id)) AS no_show
                                    FROM (SELECT * FROM rsvp WHERE event_id = :e) r
                                    FULL OUTER JOIN (SELECT * FROM attendance WHERE event_id = :e) a
                                      ON a.person_id = r.person_id
                                    ORDER BY r.arrival NULLS LAST, 1""")
                            .bind("e", id)
                            .map(row -> new Attendees.Attendee(row.get("person_id", String.class),
                                    row.get("status", String.class) == null ? null
                                            : RsvpStatus.valueOf(row.get("status", String.class)),
                                    row.get("minutes", Integer.class), Boolean.TRUE.equals(row.get("no_show", Boolean.class))))
                            .all().collectList()
                            .map(people -> new Attendees(id, event.checkInCode(), people));
                });
    }
}
