package io.guildhall.gateway.portal.me;

import io.guildhall.gateway.portal.Section;
import io.guildhall.gateway.portal.api.ApiClient;
import io.guildhall.gateway.portal.api.Service;
import reactor.core.publisher.Mono;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The contribution log's data: my entries of the last 30 days and my communities (to log against). */
public final class ContributionForms {

    static final List<String> FIELDS = List.of("communityId", "kind", "date", "minutes", "note");
    static final List<String> KINDS = List.of("MENTORING", "SPEAKING", "ORGANISING", "ANSWERING_QUESTIONS", "WRITING",
            "BEING_MENTORED", "LEARNING");

    private ContributionForms() {
    }

    public record Log(List<Map<String, Object>> entries, List<Map<String, Object>> communities, List<String> kinds) {

        /** A community's name for an entry; the id when I have left it since. */
        public String communityName(Object communityId) {
            return communities.stream().filter(c -> String.valueOf(c.get("communityId")).equals(String.valueOf(communityId)))
                    .map(c -> String.valueOf(c.get("name"))).findFirst().orElse(String.valueOf(communityId));
        }
    }

    static Map<String, String> blank(LocalDate today) {
        Map<String, String> form = new LinkedHashMap<>();
        FIELDS.forEach(field -> form.put(field, ""));
        form.put("date", today.toString());
        form.put("kind", "MENTORING");
        return form;
    }

    @SuppressWarnings("unchecked")
    static Mono<Section<Log>> log(ApiClient api, LocalDate today) {
        return Section.guard(Mono.zip(
                api.list(Service.MEMBERSHIP, uri -> uri.path("/api/contributions").queryParam("from", today.minusDays(30))
                        .queryParam("to", today).build()),
                api.object(Service.MEMBERSHIP, "/api/me/communities")
                        .map(mine -> (List<Map<String, Object>>) mine.getOrDefault("communities", List.of())))
                .map(both -> new Log(both.getT1(), both.getT2(), KINDS)));
    }
}
