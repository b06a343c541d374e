package io.guildhall.membership.person;

import io.guildhall.support.security.CurrentPerson;
import io.guildhall.support.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@Validated
@Tag(name = "People", description = "The people directory, synced from Keycloak")
public class PersonController {

    static final String SIGNED_IN = "hasAnyRole('employee', 'executive', 'admin')";

    private final PersonStore people;
    private final Directory directory;

    public PersonController(PersonStore people, Directory directory) {
        this.people = people;
        this.directory = directory;
    }

    @GetMapping({"/api/people/me", "/api/me"})
    @PreAuthorize(SIGNED_IN)
    @Operation(summary = "My directory entry", description = "Registers the caller from their token if the last "
            + "Keycloak sync has not seen them yet. Includes email, manager and contracted weekly hours.")
    public Mono<PersonView> me(CurrentPerson caller) {
        return directory.ensureKnown(caller).then(people.find(caller.personId()))
                .map(person -> PersonView.of(person, true));
    }

    @GetMapping("/api/people/{id}")
    @PreAuthorize(SIGNED_IN)
    @Operation(summary = "A person", description = "Email, manager and weekly hours only for the person themselves "
            + "and admins. Erased people are gone: 404.")
    public Mono<PersonView> get(@PathVariable @Size(max = 64) String id, CurrentPerson caller) {
        return people.find(id)
                .filter(person -> !person.erased())
                .switchIfEmpty(Mono.error(new NotFoundException("No person " + id)))
                .map(person -> PersonView.of(person, caller.personId().equals(id) || caller.isAdmin()));
    }

    @GetMapping("/api/people")
    @PreAuthorize(SIGNED_IN)
    @Operation(summary = "Search active people", description = "By department (exact, case-insensitive) and/or text "
            + "in name or username; sorted by name.")
    public Mono<PersonPage> search(
            @RequestParam(required = false) @Size(max = 100) String department,
            @Parameter(description = "Text in the name or username") @RequestParam(required = false) @Size(max = 100) String q,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
            CurrentPerson caller) {
        String dept = department == null || department.isBlank() ? null : department.trim();
        String text = q == null || q.isBlank() ? null : q.trim();
        return people.count(dept, text)
                .zipWith(people.search(dept, text, page, size)
                        .map(person -> PersonView.of(person, caller.isAdmin() || caller.personId().equals(person.id())))
                        .collectList())
                .map(result -> new PersonPage(result.getT2(), page, size, result.getT1(),
                        (result.getT1() + size - 1) / size));
    }
}
