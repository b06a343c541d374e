package io.guildhall.event.rsvp;

import io.guildhall.support.security.CurrentPerson;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.UUID;

/** Who is going to an event: the count for every employee, the people for those inside it. */
@RestController
public class GoingController {

    private final RsvpService service;

    public GoingController(RsvpService service) {
        this.service = service;
    }

    @GetMapping("/api/events/{id:[0-9a-fA-F-]{36}}/going")
    @PreAuthorize("hasRole('employee')")
    @Operation(summary = "How many are going; who, only for the people going, the organiser and admins")
    public Mono<Going> going(@PathVariable UUID id, CurrentPerson caller) {
        return service.going(id, caller);
    }
}
