package io.guildhall.gateway.portal.lead;

import io.guildhall.gateway.portal.Directory;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.guildhall.gateway.portal.api.ApiClient;
import io.guildhall.gateway.portal.api.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A community's pending requests to join, each with the asker's name from the directory (a lead decides on a
 * person, not on an id); the id stands in when the directory cannot say.
 */
final class JoinRequests {

    private JoinRequests() {
    }

    /** A request as membership-service lists it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Pending(UUID id, String personId, Instant requestedAt) {
    }

    /** A request as the lead's page shows it (its id as text: the page matches it with a refused request's). */
    record JoinRequest(String id, String personId, String name, Instant requestedAt) {
    }

    static Mono<List<JoinRequest>> of(ApiClient api, UUID communityId) {
        return api.list(Service.MEMBERSHIP, Pending.class,
                        uri -> uri.path("/api/communities/{id}/membership-requests").build(communityId))
                .flatMap(requests -> Flux.fromIterable(requests)
                        .concatMap(request -> Directory.name(api, request.personId()).map(name ->
                                new JoinRequest(request.id().toString(), request.personId(), name, request.requestedAt())))
                        .collectList());
    }

}
