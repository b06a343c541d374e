package io.guildhall.gateway.portal.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.guildhall.gateway.portal.Directory;
import io.guildhall.gateway.portal.api.ApiClient;
import io.guildhall.gateway.portal.api.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * "N going" and, for those inside the event (the people going, its organiser, admins: event-service decides), the
 * first faces: initials avatars with the names beside them for screen readers. Anyone else reads the count only.
 *
 * @param count   people going
 * @param faces   the first {@link #SHOWN} of them, in the order they answered; empty when the viewer may not see who
 * @param visible whether the viewer may see who is going
 */
public record GoingPeople(long count, List<Face> faces, boolean visible) {

    /** Faces shown; the rest are "and N others". */
    static final int SHOWN = 8;
    /** Avatar colours (a class each in portal.css), every pair at 4.5:1 or better. */
    static final int PALETTE = 6;

    /** A person going: their name, initials, and a colour derived from the name (stable across pages). */
    public record Face(String name, String initials, int colour) {

        static Face of(String name) {
            return new Face(name, GoingPeople.initials(name), Math.floorMod(name.hashCode(), PALETTE));
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Going(long count, List<String> people) {
    }

    /** How many more are going than the faces shown. */
    public long others() {
        return count - faces.size();
    }

    /** "Ada Lovelace, Alan Turing, Grace Hopper and 9 others are going": up to three names, then a count. */
    public String summary() {
        List<String> names = faces.stream().limit(3).map(Face::name).toList();
        long rest = count - names.size();
        if (names.isEmpty()) {
            return count == 1 ? "1 person is going" : count + " people are going";
        }
        String listed = rest > 0 ? String.join(", ", names) + " and " + rest + (rest == 1 ? " other" : " others")
                : names.size() == 1 ? names.get(0)
                : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
        return listed + (count == 1 ? " is going" : " are going");
    }

    static Mono<GoingPeople> of(ApiClient api, UUID event) {
        return api.object(Service.EVENT, Going.class, "/api/events/{id}/going", event).flatMap(going -> {
            if (going.people() == null) {
                return Mono.just(new GoingPeople(going.count(), List.of(), false));
            }
            return Flux.fromIterable(going.people()).take(SHOWN)
                    .flatMapSequential(id -> Directory.name(api, id).map(name -> name.equals(id) ? "Someone" : name))
                    .map(Face::of).collectList()
                    .map(faces -> new GoingPeople(going.count(), faces, true));
        });
    }

    /** "Ada Lovelace" → "AL"; "Plato" → "P"; the first letters of the first and the last word. */
    static String initials(String name) {
        String[] words = name.trim().split("\\s+");
        if (words.length == 0 || words[0].isEmpty()) {
            return "?";
        }
        String first = words[0].substring(0, words[0].offsetByCodePoints(0, 1));
        String last = words.length > 1 ? words[words.length - 1].substring(0, words[words.length - 1].offsetByCodePoints(0, 1)) : "";
        return (first + last).toUpperCase(Locale.ROOT);
    }
}
