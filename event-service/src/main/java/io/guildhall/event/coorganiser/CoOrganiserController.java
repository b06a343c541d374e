package io.guildhall.event.coorganiser;

import io.guildhall.support.security.CurrentPerson;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.UUID;

/** {@code /api/events/{id}/co-organisers}: the organiser's helpers, chosen by the organiser or an admin. */
@RestController
@RequestMapping("/api/events/{id:[0-9a-fA-F-]{36}}/co-organisers")
public class CoOrganiserController {

    /** The co-organisers of an event, by id, in the order they were added. */
    public record CoOrganiserList(UUID eventId, java.util.List<String> coOrganisers) {
    }

    private final CoOrganisers coOrganisers;

    public CoOrganiserController(CoOrganisers coOrganisers) {
        this.coOrganisers = coOrganisers;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('employee', 'executive', 'admin')")
    @Operation(summary = "An event's co-organisers (they check people in and see the attendees)")
    public Mono<CoOrganiserList> list(@PathVariable UUID id) {
        return coOrganisers.of(id).map(people -> new CoOrganiserList(id, people));
    }

    @PutMapping("/{personId}")
    @PreAuthorize("hasRole('employee')")
    @Operation(summary = "Make a person a co-organiser (the organiser or an admin); idempotent",
            description = "Not the organiser themselves (400 naming personId), at most 10 per event and not of a"
                    + " cancelled event (409). Publishes CoOrganiserAdded.")
    public Mono<CoOrganiserList> add(@PathVariable UUID id, @PathVariable String personId, CurrentPerson caller) {
        return coOrganisers.add(id, personId, caller).map(people -> new CoOrganiserList(id, people));
    }

    @DeleteMapping("/{personId}")
    @PreAuthorize("hasRole('employee')")
    @Operation(summary = "A co-organiser no longer helps (the organiser or an admin); 404 when they were none",
            description = "Publishes CoOrganiserRemoved.")
    public Mono<CoOrganiserList> remove(@PathVariable UUID id, @PathVariable String personId, CurrentPerson caller) {
        return coOrganisers.remove(id, personId, caller).map(people -> new CoOrganiserList(id, people));
    }
}
