package io.guildhall.membership.contribution;

import io.guildhall.membership.OrganisationSettings;
import io.guildhall.support.security.CurrentPerson;
import io.guildhall.support.web.InvalidFieldException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

@RestController
@RequestMapping("/api/contributions")
@Tag(name = "Contributions", description = "The caller's log of community work outside events")
public class ContributionController {

    private final ContributionService service;
    private final ContributionStore contributions;
    private final OrganisationSettings organisation;
    private final Clock clock;

    public ContributionController(ContributionService service, ContributionStore contributions,
                                  OrganisationSettings organisation, Clock clock) {
        this.service = service;
        this.contributions = contributions;
        this.organisation = organisation;
        this.clock = clock;
    }

    @PostMapping
    @PreAuthorize("hasRole('employee')")
    @Operation(summary = "Log minutes of community work",
            description = "kind is MENTORING, SPEAKING, ORGANISING, ANSWERING_QUESTIONS, WRITING (giving) or "
                    + "BEING_MENTORED, LEARNING (taking); 1-600 minutes; at most 16 h per day; the date within the "
                    + "last 30 days and not in the future; a community the caller belongs to.")
    public Mono<ResponseEntity<Contribution>> log(@RequestBody ContributionRequest request, CurrentPerson caller) {
        return service.log(request, caller)
                .map(entry -> ResponseEntity.created(URI.create("/api/contributions/" + entry.id())).body(entry));
    }

    @GetMapping
    @PreAuthorize("hasRole('employee')")
    @Operation(summary = "My entries", description = "From/to are ISO dates; by default the last 30 days.")
    public Flux<Contribution> mine(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                   CurrentPerson caller) {
        LocalDate end = to == null ? organisation.today(clock) : to;
        LocalDate start = from == null ? end.minusDays(30) : from;
        if (start.isAfter(end)) {
            return Flux.error(new InvalidFieldException("from", "must not be after to"));
        }
        return contributions.ofPerson(caller.personId(), start, end);
    }

    @PatchMapping("/{id}")
    @PreAuthorize("hasRole('employee')")
    @Operation(summary = "Correct my entry (within 14 days of logging it)",
            description = "Someone else's entry is 403; the same limits as logging apply; published as a correction.")
    public Mono<Contribution> correct(@PathVariable UUID id, @Valid @RequestBody ContributionPatch patch, CurrentPerson caller) {
        return service.correct(id, patch, caller);
    }

    @DeleteMapping("/{id}")
    @PreAuthorize("hasRole('employee')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete my entry (within 14 days of logging it)")
    public Mono<Void> delete(@PathVariable UUID id, CurrentPerson caller) {
        return service.delete(id, caller);
    }
}
