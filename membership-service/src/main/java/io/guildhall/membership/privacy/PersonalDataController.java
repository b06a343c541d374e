package io.guildhall.membership.privacy;

import io.guildhall.support.security.CurrentPerson;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@Validated
@Tag(name = "Personal data", description = "Export of one's own data; erasure by an administrator")
public class PersonalDataController {

    private final PersonalData personalData;

    public PersonalDataController(PersonalData personalData) {
        this.personalData = personalData;
    }

    @GetMapping("/api/people/me/export")
    @PreAuthorize("hasAnyRole('employee', 'executive', 'admin')")
    @Operation(summary = "Everything this service holds about me, as JSON",
            description = "Directory entry, memberships and their history, requests to join, contribution entries.")
    public Mono<ResponseEntity<PersonalData.Export>> export(CurrentPerson caller) {
        return personalData.export(caller.personId())
                .map(export -> ResponseEntity.ok()
                        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"guildhall-membership-data.json\"")
                        .body(export));
    }

    @PostMapping("/api/people/{id}/erase")
    @PreAuthorize("hasRole('admin')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Erase a person (admin)",
            description = "Closes their memberships, drops free text about them, keeps a tombstone and publishes "
                    + "guildhall.person.erased.v1 so that every service anonymises them. Erased already: 409.")
    public Mono<Void> erase(@PathVariable @Size(max = 64) String id, CurrentPerson caller) {
        return personalData.erase(id, caller.personId());
    }
}
