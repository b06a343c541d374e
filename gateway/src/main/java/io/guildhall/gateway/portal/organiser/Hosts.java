package io.guildhall.gateway.portal.organiser;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.guildhall.gateway.portal.Directory;
import io.guildhall.gateway.portal.api.ApiClient;
import io.guildhall.gateway.portal.api.ApiProblemException;
import io.guildhall.gateway.portal.api.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * An event's co-organisers by name (event-service's {@code GET /api/events/{id}/co-organisers}, names from the
 * directory), and finding the person an organiser typed ({@code GET /api/people?q=}).
 */
public final class Hosts {

    private Hosts() {
    }

    /** A co-organiser: their id (for removing them) and their name. */
    public record Host(String personId, String name) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record CoOrganiserList(List<String> coOrganisers) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record PersonPage(List<Found> items) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Found(String id, String displayName) {
    }

    public static Mono<List<Host>> of(ApiClient api, UUID event) {
        return api.object(Service.EVENT, CoOrganiserList.class, "/api/events/{id}/co-organisers", event)
                .flatMapMany(list -> Flux.fromIterable(list.coOrganisers() == null ? List.of() : list.coOrganisers()))
                .flatMapSequential(id -> Directory.name(api, id).map(name -> new Host(id, name.equals(id) ? "Someone" : name)))
                .collectList();
    }

    /**
     * The one active person whose name (or username) matches what was typed: the only match, or the one whose name
     * is exactly that; a refusal at the field otherwise.
     */
    public static Mono<String> find(ApiClient api, String typed) {
        String text = typed == null ? "" : typed.trim();
        if (text.isEmpty()) {
            return Mono.error(refusal("Type the name of the person who helps"));
        }
        return api.object(Service.MEMBERSHIP, PersonPage.class, uri -> uri.path("/api/people").queryParam("q", text)
                        .queryParam("size", 20).build())
                .flatMap(page -> pick(page.items() == null ? List.of() : page.items(), text)
                        .map(Mono::just)
                        .orElseGet(() -> Mono.error(refusal(page.items() == null || page.items().isEmpty()
                                ? "No one here is called \"" + text + "\""
                                : "Several people match \"" + text + "\": type their full name"))));
    }

    static Optional<String> pick(List<Found> found, String typed) {
        if (found.size() == 1) {
            return Optional.of(found.get(0).id());
        }
        List<Found> exact = found.stream().filter(f -> f.displayName() != null
                && f.displayName().toLowerCase(Locale.ROOT).equals(typed.toLowerCase(Locale.ROOT))).toList();
        return exact.size() == 1 ? Optional.of(exact.get(0).id()) : Optional.empty();
    }

    private static ApiProblemException refusal(String message) {
        return new ApiProblemException(Service.MEMBERSHIP, 400, null, null, java.util.Map.of("person", message));
    }
}
