package io.guildhall.gateway.portal.me;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.guildhall.gateway.portal.Section;
import io.guildhall.gateway.portal.api.ApiClient;
import io.guildhall.gateway.portal.api.Service;
import io.guildhall.gateway.portal.community.MyCommunities;
import reactor.core.publisher.Mono;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The contribution log's data: my entries of the last 30 days and my communities (to log against). */
public final class ContributionForms {

    static final List<String> FIELDS = List.of("communityId", "kind", "date", "minutes", "note");
    /** The fields' labels on the page, for messages in plain words. */
    static final Map<String, String> LABELS = Map.of("communityId", "Community", "kind", "Kind", "date", "Date",
            "minutes", "Minutes", "note", "Note");
    static final List<String> KINDS = List.of("MENTORING", "SPEAKING", "ORGANISING", "ANSWERING_QUESTIONS", "WRITING",
            "BEING_MENTORED", "LEARNING");

    private ContributionForms() {
    }

    /** One entry as membership-service's {@code GET /api/contributions} has it (the fields the page reads). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Entry(UUID id, UUID communityId, String kind, LocalDate date, int minutes, String note) {

        /** The entry's fields as its form shows them. */
        Map<String, String> form() {
            Map<String, String> form = new LinkedHashMap<>();
            form.put("communityId", communityId == null ? "" : communityId.toString());
            form.put("kind", kind == null ? "" : kind);
            form.put("date", date == null ? "" : date.toString());
            form.put("minutes", Integer.toString(minutes));
            form.put("note", note == null ? "" : note);
            return form;
        }
    }

    public record Log(List<Entry> entries, List<MyCommunities.Membership> communities, List<String> kinds) {

        /** A community's name for an entry; the id when I have left it since. */
        public String communityName(UUID communityId) {
            return communities.stream().filter(c -> c.communityId().equals(communityId))
                    .map(MyCommunities.Membership::name).findFirst().orElse(String.valueOf(communityId));
        }

        Optional<Entry> entry(UUID id) {
            return entries.stream().filter(e -> id.equals(e.id())).findFirst();
        }
    }

    static Map<String, String> blank(LocalDate today) {
        Map<String, String> form = new LinkedHashMap<>();
        FIELDS.forEach(field -> form.put(field, ""));
        form.put("date", today.toString());
        form.put("kind", "MENTORING");
        return form;
    }

    static Mono<Section<Log>> log(ApiClient api, LocalDate today) {
        return Section.guard(Mono.zip(
                api.list(Service.MEMBERSHIP, Entry.class, uri -> uri.path("/api/contributions")
                        .queryParam("from", today.minusDays(30)).queryParam("to", today).build()),
                api.object(Service.MEMBERSHIP, MyCommunities.class, "/api/me/communities").map(MyCommunities::communities))
                .map(both -> new Log(both.getT1(), both.getT2(), KINDS)));
    }
}
