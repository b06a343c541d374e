package io.guildhall.gateway.portal.event;

import io.guildhall.gateway.portal.api.ApiClient;
import io.guildhall.gateway.portal.api.Service;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Map;

/** The active communities, for the events pages' community filter and the organiser's community choice. */
public final class Communities {

    private Communities() {
    }

    @SuppressWarnings("unchecked")
    public static Mono<List<Map<String, Object>>> all(ApiClient api) {
        return api.object(Service.COMMUNITY, uri -> uri.path("/api/communities").queryParam("size", 100).build())
                .map(page -> (List<Map<String, Object>>) page.getOrDefault("items", List.of()));
    }

    /** Those among them that {@code personId} leads: the only ones whose events they may schedule. */
    public static Mono<List<Map<String, Object>>> ledBy(ApiClient api, String personId) {
        return all(api).map(communities -> communities.stream()
                .filter(c -> c.get("leads") instanceof List<?> leads && leads.contains(personId)).toList());
    }
}
