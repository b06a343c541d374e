package io.guildhall.gateway.portal.lead;

import io.guildhall.gateway.portal.api.ApiClient;
import io.guildhall.gateway.portal.api.ApiProblemException;
import io.guildhall.gateway.portal.api.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A community's pending requests to join, each with the asker's name from the directory (a lead decides on a
 * person, not on an id); the id stands in when the directory cannot say.
 */
final class JoinRequests {

    private JoinRequests() {
    }

    static Mono<List<Map<String, Object>>> of(ApiClient api, UUID communityId) {
        return api.list(Service.MEMBERSHIP, "/api/communities/{id}/membership-requests", communityId)
                .flatMap(requests -> Flux.fromIterable(requests)
                        .concatMap(request -> name(api, String.valueOf(request.get("personId"))).map(name -> {
                            Map<String, Object> named = new LinkedHashMap<>(request);
                            named.put("name", name);
                            return named;
                        }))
                        .collectList());
    }

    private static Mono<String> name(ApiClient api, String personId) {
        return api.object(Service.MEMBERSHIP, "/api/people/{id}", personId)
                .map(person -> String.valueOf(person.getOrDefault("displayName", personId)))
                .onErrorResume(ApiProblemException.class, e -> Mono.just(personId));
    }
}
