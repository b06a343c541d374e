package io.guildhall.community.community;

import io.guildhall.support.security.CurrentPerson;
import io.guildhall.support.web.RequestValidation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.util.UUID;

@RestController
@RequestMapping("/api/communities")
@Tag(name = "Communities", description = "Communities of practice, their charter and their leads")
public class CommunityController {

    private static final String READERS = "hasAnyRole('employee', 'executive', 'admin')";
    private static final String WRITERS = "hasAnyRole('employee', 'admin')";

    private final CommunityService service;
    private final LeadService leads;

    private final RequestValidation validation;
    private final CommunityLifecycle lifecycle;

    public CommunityController(CommunityService service, LeadService leads, RequestValidation validation,
                               CommunityLifecycle lifecycle) {
        this.service = service;
        this.leads = leads;
        this.validation = validation;
        this.lifecycle = lifecycle;
    }

    @PostMapping
    @PreAuthorize("hasRole('employee')")
    @Operation(summary = "Found a community", description = "Any employee may; the founder becomes its first lead.")
    public Mono<ResponseEntity<CommunityView>> create(@RequestBody CreateCommunityRequest request, CurrentPerson caller) {
        // The constraints and the channels' rules together: every mistake of the request in one answer.
        validation.check(request, Channels.problems(request.channels()));
        return service.found(request, caller)
                .map(created -> ResponseEntity.created(URI.create("/api/communities/" + created.id()))
                        .eTag(created.etag()).body(created));
    }

    @GetMapping("/{id}")
    @PreAuthorize(READERS)
    @Operation(summary = "A community", description = "The ETag header carries its version, for If-Match on PATCH and archive.")
    public Mono<ResponseEntity<CommunityView>> get(@PathVariable UUID id) {
        return service.get(id).map(CommunityController::withEtag);
    }

    @GetMapping
    @PreAuthorize(READERS)
    @Operation(summary = "List and search communities",
            description = "Filters combine; text matches name, description and charter purpose case-insensitively.")
    public Mono<CommunityPage> list(
            @Parameter(description = "Text to look for") @RequestParam(required = false) @Size(max = 100) String q,
            @RequestParam(required = false) @Size(max = 60) String practiceArea,
            @Parameter(description = "ACTIVE, INACTIVE or ARCHIVED; absent: every community not archived") @RequestParam(required = false) CommunityStatus status,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
            @Parameter(description = "name (default), practiceArea, createdAt or updatedAt")
            @RequestParam(defaultValue = "name") @Pattern(regexp = "name|practiceArea|createdAt|updatedAt",
                    message = "must be one of name, practiceArea, createdAt, updatedAt") String sort,
            @RequestParam(defaultValue = "asc") @Pattern(regexp = "asc|desc", message = "must be asc or desc") String direction) {
        return service.search(q, practiceArea, status, page, size, sort, Sort.Direction.fromString(direction));
    }

    @PatchMapping("/{id}")
    @PreAuthorize(WRITERS)
    @Operation(summary = "Edit a community (its leads or an admin), its channels among the rest",
            description = "Partial update. If-Match is optional; when sent and stale the answer is 412. "
                    + "A write that races another is 409.")
    public Mono<ResponseEntity<CommunityView>> update(@PathVariable UUID id, @RequestBody UpdateCommunityRequest patch,
                                                      @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                                      CurrentPerson caller) {
        validation.check(patch, Channels.problems(patch.channels()));
        return service.update(id, patch, ifMatch, caller).map(CommunityController::withEtag);
    }

    @PostMapping("/{id}/renew")
    @PreAuthorize(WRITERS)
    @Operation(summary = "Renew an inactive community (its leads or an admin)",
            description = "A community with no event for the inactivity period (90 days by default) is INACTIVE; renewing"
                    + " makes it ACTIVE again and counts the period from now. 409 when it is active or archived."
                    + " Publishes CommunityRenewed.")
    public Mono<ResponseEntity<CommunityView>> renew(@PathVariable UUID id, CurrentPerson caller) {
        return lifecycle.renew(id, caller).then(service.get(id)).map(CommunityController::withEtag);
    }

    @PostMapping("/{id}/archive")
    @PreAuthorize(WRITERS)
    @Operation(summary = "Archive a community (its leads or an admin)", description = "Keeps its history; it can no longer be changed.")
    public Mono<ResponseEntity<CommunityView>> archive(@PathVariable UUID id,
                                                       @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                                       CurrentPerson caller) {
        return service.archive(id, ifMatch, caller).map(CommunityController::withEtag);
    }

    @PostMapping("/{id}/leads/{personId}")
    @PreAuthorize(WRITERS)
    @Operation(summary = "Make a person a co-lead (its leads or an admin)", description = "Idempotent.")
    public Mono<ResponseEntity<CommunityView>> assignLead(@PathVariable UUID id,
                                                          @PathVariable @Size(max = 64) String personId,
                                                          CurrentPerson caller) {
        return leads.assign(id, personId.trim(), caller).map(CommunityController::withEtag);
    }

    @DeleteMapping("/{id}/leads/{personId}")
    @PreAuthorize(WRITERS)
    @Operation(summary = "Remove a lead (its leads or an admin)", description = "The last lead cannot be removed: 409.")
    public Mono<ResponseEntity<CommunityView>> removeLead(@PathVariable UUID id,
                                                          @PathVariable @Size(max = 64) String personId,
                                                          CurrentPerson caller) {
        return leads.remove(id, personId.trim(), caller).map(CommunityController::withEtag);
    }

    private static ResponseEntity<CommunityView> withEtag(CommunityView view) {
        return ResponseEntity.ok().eTag(view.etag()).body(view);
    }
}
