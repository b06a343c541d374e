package io.guildhall.membership.membership;

import io.guildhall.support.security.CurrentPerson;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.util.UUID;

@RestController
@Tag(name = "Memberships", description = "Who belongs to which community, requests to join, and history")
public class MembershipController {

    private static final String SIGNED_IN = "hasAnyRole('employee', 'executive', 'admin')";

    private final MembershipService service;
    private final MemberQueries queries;
    private final RequestStore requests;
    private final MembershipStore memberships;

    public MembershipController(MembershipService service, MemberQueries queries, RequestStore requests,
                                MembershipStore memberships) {
        this.service = service;
        this.queries = queries;
        this.requests = requests;
        this.memberships = memberships;
    }

    @PostMapping("/api/communities/{id}/members")
    @PreAuthorize("hasRole('employee')")
    @Operation(summary = "Join a community, as the caller",
            description = "OPEN: 201 JOINED at once. REQUEST_TO_JOIN: 202 REQUESTED, a lead decides. "
                    + "Unknown community 404; archived, already a member or request pending 409.")
    public Mono<ResponseEntity<JoinResult>> join(@PathVariable UUID id, CurrentPerson caller) {
        return service.join(id, caller).map(result -> result.joined()
                ? ResponseEntity.created(URI.create("/api/communities/" + id + "/members/" + caller.personId())).body(result)
                : ResponseEntity.accepted().body(result));
    }

    @DeleteMapping("/api/communities/{id}/members/me")
    @PreAuthorize("hasRole('employee')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Leave a community", description = "Not a member 404; a lead steps down first (409).")
    public Mono<Void> leave(@PathVariable UUID id, CurrentPerson caller) {
        return service.leave(id, caller);
    }

    @GetMapping("/api/communities/{id}/members")
    @PreAuthorize(SIGNED_IN)
    @Operation(summary = "A community's members",
            description = "The count for everyone; names and roles for its members, executives and admins.")
    public Mono<MemberQueries.MemberList> members(@PathVariable UUID id, CurrentPerson caller) {
        return queries.members(id, caller);
    }

    @GetMapping("/api/communities/{id}/membership-requests")
    @PreAuthorize(SIGNED_IN)
    @Operation(summary = "Pending requests to join (the community's leads and admins)")
    public Flux<MembershipRequest> pending(@PathVariable UUID id, CurrentPerson caller) {
        return service.requireLeadOrAdmin(id, caller).thenMany(requests.pendingOf(id));
    }

    @PostMapping("/api/communities/{id}/membership-requests/{requestId}/decision")
    @PreAuthorize(SIGNED_IN)
    @Operation(summary = "Approve or decline a request to join (the community's leads and admins)",
            description = "A decline needs a reason. An approval makes the person a MEMBER.")
    public Mono<MembershipRequest> decide(@PathVariable UUID id, @PathVariable UUID requestId,
                                          @Valid @RequestBody DecisionRequest decision, CurrentPerson caller) {
        return service.decide(id, requestId, decision, caller);
    }

    @GetMapping({"/api/memberships/me", "/api/me/communities"})
    @PreAuthorize(SIGNED_IN)
    @Operation(summary = "My communities and my pending requests")
    public Mono<MemberQueries.MyMemberships> mine(CurrentPerson caller) {
        return queries.mine(caller.personId());
    }

    @GetMapping("/api/memberships/me/history")
    @PreAuthorize(SIGNED_IN)
    @Operation(summary = "My membership history", description = "Joined, left, role changes, requests and decisions.")
    public Flux<HistoryEntry> history(CurrentPerson caller) {
        return memberships.historyOf(caller.personId());
    }
}
