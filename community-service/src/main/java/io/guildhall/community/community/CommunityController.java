package io.guildhall.community.community;

import io.guildhall.support.security.CurrentPerson;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.util.UUID;

@RestController
@RequestMapping("/api/communities")
public class CommunityController {

    private final CommunityService service;

    public CommunityController(CommunityService service) {
        this.service = service;
    }

    @PostMapping
    @PreAuthorize("hasRole('employee')")
    public Mono<ResponseEntity<Community>> create(@Valid @RequestBody CreateCommunityRequest request, CurrentPerson caller) {
        return service.found(request, caller)
                .map(created -> ResponseEntity.created(URI.create("/api/communities/" + created.id()))
                        .eTag(String.valueOf(created.version()))
                        .body(created));
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('employee', 'executive', 'admin')")
    public Mono<ResponseEntity<Community>> get(@PathVariable UUID id) {
        return service.get(id).map(community -> ResponseEntity.ok().eTag(String.valueOf(community.version())).body(community));
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('employee', 'executive', 'admin')")
    public Flux<Community> list(@RequestParam(defaultValue = "0") @Min(0) int page,
                                @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return service.list(PageRequest.of(page, size, Sort.by("name")));
    }
}
