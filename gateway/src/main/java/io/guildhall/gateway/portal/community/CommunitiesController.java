package io.guildhall.gateway.portal.community;

import io.guildhall.gateway.portal.api.ApiClient;
import io.guildhall.gateway.portal.api.ApiProblemException;
import io.guildhall.gateway.portal.api.FormErrors;
import io.guildhall.gateway.portal.api.Service;
import io.guildhall.gateway.portal.event.EventDetail;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.Set;

/**
 * Finding a community: text search, practice area and status filters, pages of 12. The same URL renders the
 * whole page or, for htmx (typing in the search box), only the results, so the address bar always holds a
 * shareable search.
 */
@Controller
public class CommunitiesController {

    static final int PAGE_SIZE = 12;

    private final ApiClient api;

    public CommunitiesController(ApiClient api) {
        this.api = api;
    }

    private Mono<CommunityPage> search(Map<String, String> form, int pageNumber) {
        return api.object(Service.COMMUNITY, CommunityPage.class, uri -> {
            uri.path("/api/communities").queryParam("page", pageNumber).queryParam("size", PAGE_SIZE)
                    .queryParam("status", form.get("status"));
            if (!form.get("q").isEmpty()) {
                uri.queryParam("q", form.get("q"));
            }
            if (!form.get("practiceArea").isEmpty()) {
                uri.queryParam("practiceArea", form.get("practiceArea"));
            }
            return uri.build();
        });
    }

    /** Each community of the page with its member count, its next event and whether I joined it. */
    private Mono<List<CommunityCard>> cards(CommunityPage page) {
        if (page.items() == null || page.items().isEmpty()) {
            return Mono.just(List.of());
        }
        Mono<Set<UUID>> joined = api.object(Service.MEMBERSHIP, MyCommunities.class, "/api/me/communities")
                .map(mine -> mine.communities().stream().map(MyCommunities.Membership::communityId)
                        .collect(java.util.stream.Collectors.toSet()))
                .onErrorResume(e -> !(e instanceof ApiProblemException p) || p.status() != 401, e -> Mono.just(Set.of()));
        Instant now = Instant.now();
        return joined.flatMap(mine -> Flux.fromIterable(page.items()).flatMapSequential(c -> Mono.zip(
                        api.object(Service.MEMBERSHIP, Members.class, "/api/communities/{id}/members", c.id())
                                .map(m -> Optional.of(m.count())).onErrorResume(e -> Mono.just(Optional.empty())),
                        api.list(Service.EVENT, EventDetail.class, uri -> uri.path("/api/events").queryParam("communityId", c.id())
                                        // A few, so that a cancelled first one does not hide the next held one.
                                        .queryParam("from", now).queryParam("size", 5).build())
                                .map(events -> Optional.of(events.stream().filter(EventDetail::isScheduled).findFirst()))
                                .onErrorResume(e -> Mono.just(Optional.empty())))
                        .map(parts -> new CommunityCard(c, parts.getT1().orElse(null),
                                parts.getT2().flatMap(next -> next).orElse(null), parts.getT2().isPresent(),
                                mine.contains(c.id()))), 4)
                .collectList());
    }

    @GetMapping("/communities")
    public Mono<String> list(@RequestParam(required = false) String q,
                             @RequestParam(required = false) String practiceArea,
                             @RequestParam(required = false) String status,
                             @RequestParam(defaultValue = "0") String page,
                             @RequestHeader(value = "HX-Request", required = false) String htmx,
                             Model model, ServerWebExchange exchange) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("q", q == null ? "" : q.trim());
        form.put("practiceArea", practiceArea == null ? "" : practiceArea.trim());
        // Every community not archived unless one status is asked for (community-service's default too).
        form.put("status", "ARCHIVED".equals(status) || "INACTIVE".equals(status) || "ACTIVE".equals(status) ? status : "");
        model.addAttribute("form", form);
        String view = htmx != null ? "communities/list :: results" : "communities/list";
        int pageNumber;
        try {
            pageNumber = Math.max(0, Integer.parseInt(page));
        } catch (NumberFormatException e) {
            model.addAttribute("errors", FormErrors.field("page", "must be a whole number"));
            model.addAttribute("result", CommunityPage.NONE);
            exchange.getResponse().setStatusCode(HttpStatus.UNPROCESSABLE_CONTENT);
            return Mono.just(view);
        }
        model.addAttribute("errors", FormErrors.none());
        return search(form, pageNumber)
                .flatMap(result -> {
                    if (result.items() != null && result.items().isEmpty() && result.totalPages() > 0
                            && pageNumber >= result.totalPages()) {
                        // Past the last page (an old link, ?page=99): the last page, saying so.
                        model.addAttribute("pageNotice", "There " + (result.totalPages() == 1 ? "is only 1 page" : "are only "
                                + result.totalPages() + " pages") + ": here is the last.");
                        return search(form, result.totalPages() - 1).map(last -> Map.entry(last, result.totalPages() - 1));
                    }
                    return Mono.just(Map.entry(result, pageNumber));
                })
                .flatMap(shown -> cards(shown.getKey()).map(cards -> {
                    model.addAttribute("result", shown.getKey());
                    model.addAttribute("cards", cards);
                    model.addAttribute("page", shown.getValue());
                    return view;
                }))
                .onErrorResume(ApiProblemException.class, problem -> {
                    // A filter the service refuses (too long, say): the message goes next to that filter.
                    model.addAttribute("errors", FormErrors.of(problem, Map.of(), Set.of("q", "practiceArea", "status", "page")));
                    model.addAttribute("result", CommunityPage.NONE);
                    exchange.getResponse().setStatusCode(HttpStatus.UNPROCESSABLE_CONTENT);
                    return Mono.just(view);
                });
    }
}
