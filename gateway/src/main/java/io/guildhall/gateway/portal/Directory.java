package io.guildhall.gateway.portal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.guildhall.gateway.portal.api.ApiClient;
import io.guildhall.gateway.portal.api.Service;
import reactor.core.publisher.Mono;

/** People's names from membership-service's directory ({@code GET /api/people/{id}}), for pages that list people. */
public final class Directory {

    private Directory() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Person(String displayName) {
    }

    /** The directory's display name; the id itself when the directory does not know the person or is not answering. */
    public static Mono<String> name(ApiClient api, String personId) {
        return api.object(Service.MEMBERSHIP, Person.class, "/api/people/{id}", personId)
                .map(person -> person.displayName() == null ? personId : person.displayName())
                .onErrorResume(e -> Mono.just(personId));
    }
}
