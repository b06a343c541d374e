package io.guildhall.event.rsvp;

import io.guildhall.support.security.CurrentPerson;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.UUID;

/** The caller's own RSVP: the path has no person, so nobody can answer for someone else. */
@RestController
@RequestMapping("/api/events/{id}/rsvp")
public class RsvpController {

    private final RsvpService service;

    public RsvpController(RsvpService service) {
        this.service = service;
    }

    @PutMapping
    @PreAuthorize("hasRole('employee')")
    @Operation(summary = "Answer GOING or NOT_GOING; a full event puts the caller on its waitlist")
    public Mono<RsvpView> answer(@PathVariable UUID id, @Valid @RequestBody RsvpRequest request, CurrentPerson caller) {
        if (request.personId() != null && !request.personId().equals(caller.personId())) {
            return Mono.error(new AccessDeniedException("An RSVP is always the caller's own"));
        }
        return service.answer(id, request.status(), caller.personId());
    }

    @GetMapping
    @PreAuthorize("hasRole('employee')")
    public Mono<RsvpView> mine(@PathVariable UUID id, CurrentPerson caller) {
        return service.mine(id, caller.personId());
    }

    @DeleteMapping
    @PreAuthorize("hasRole('employee')")
    @Operation(summary = "Withdraw the caller's RSVP; a freed seat goes to the first person waiting")
    public Mono<ResponseEntity<Void>> withdraw(@PathVariable UUID id, CurrentPerson caller) {
        return service.withdraw(id, caller.personId()).thenReturn(ResponseEntity.noContent().build());
    }
}
