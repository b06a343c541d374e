package io.guildhall.event.attendance;

import io.guildhall.support.security.CurrentPerson;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
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

    public AttendanceController(AttendanceService service) {
        this.service = service;
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
        return service.attendees(id, caller);
    }
}
