package io.guildhall.community.accountability;

import io.guildhall.support.security.CurrentPerson;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.time.LocalDate;
import java.util.UUID;

@RestController
@Tag(name = "Accountability", description = "How a community's leads have done on its goals")
public class AccountabilityController {

    private final AccountabilityService service;

    public AccountabilityController(AccountabilityService service) {
        this.service = service;
    }

    @GetMapping("/api/communities/{id}/accountability")
    @PreAuthorize("hasAnyRole('employee', 'executive', 'admin')")
    @Operation(summary = "Accountability report for a period (the community's leads, admins, executives)",
            description = "Goals with status and trajectory, check-in cadence with flagged owners, evidence counts.")
    public Mono<AccountabilityReport> report(
            @PathVariable UUID id,
            @Parameter(description = "First day (ISO date); 13 weeks before 'to' when absent")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @Parameter(description = "Last day (ISO date), inclusive; today when absent")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            CurrentPerson caller) {
        return service.report(id, from, to, caller);
    }
}
