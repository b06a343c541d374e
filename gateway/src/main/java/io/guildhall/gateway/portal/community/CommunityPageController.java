package io.guildhall.gateway.portal.community;

import io.guildhall.gateway.portal.event.EventDetail;
import io.guildhall.gateway.portal.Directory;
import io.guildhall.gateway.portal.Section;
import io.guildhall.gateway.portal.api.ApiClient;
import io.guildhall.gateway.portal.api.ApiProblemException;
import io.guildhall.gateway.portal.api.Service;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A community's page: charter, leads, goals with progress and status, upcoming events, members count, and my
 * membership with its action (join, request to join, leave). The action runs in place with htmx and, without
 * JavaScript, as a plain form that comes back to the page.
 */
@Controller
public class CommunityPageController {

    /** Each goal's newest check-ins shown as its evidence. */
    static final int EVIDENCE_SHOWN = 3;

    private final ApiClient api;
    private final Clock clock;

    public CommunityPageController(ApiClient api, Clock clock) {
        this.api = api;
        this.clock = clock;
    }

    @GetMapping("/communities/{id:[0-9a-fA-F-]{36}}")
    public Mono<String> page(@PathVariable UUID id, Model model, ServerWebExchange exchange) {
        // "?started" after starting it: the welcome note (a query parameter, read here: Thymeleaf's param is never null).
        model.addAttribute("started", exchange.getRequest().getQueryParams().containsKey("started"));
        Mono<CommunityDetail> community = api.object(Service.COMMUNITY, CommunityDetail.class, "/api/communities/{id}", id);
        return community.flatMap(c -> Mono.zip(
                        Section.guard(api.list(Service.COMMUNITY, GoalDetail.class, uri -> uri.path("/api/communities/{id}/goals")
                                .queryParam("recentCheckIns", EVIDENCE_SHOWN).build(id))),
                        Section.guard(api.list(Service.EVENT, EventDetail.class, uri -> uri.path("/api/events").queryParam("communityId", id)
                                .queryParam("from", Instant.now(clock)).queryParam("size", 10).build())),
                        Section.guard(api.object(Service.MEMBERSHIP, Members.class, "/api/communities/{id}/members", id)),
                        Section.guard(leadNames(c)),
                        Section.guard(MyMembership.of(api, id, c)))
                .map(sections -> {
                    model.addAttribute("community", c);
                    model.addAttribute("goals", sections.getT1());
                    model.addAttribute("events", sections.getT2());
                    model.addAttribute("members", sections.getT3());
                    model.addAttribute("leads", sections.getT4());
                    model.addAttribute("membership", sections.getT5());
                    return "communities/detail";
                }));
    }

    @PostMapping("/communities/{id:[0-9a-fA-F-]{36}}/join")
    public Mono<String> join(@PathVariable UUID id,
                             @RequestHeader(value = "HX-Request", required = false) String htmx,
                             Model model, ServerWebExchange exchange) {
        return act(api.post(Service.MEMBERSHIP, "/api/communities/{id}/members", null, id).then(), id, htmx, model, exchange);
    }

    @PostMapping("/communities/{id:[0-9a-fA-F-]{36}}/leave")
    public Mono<String> leave(@PathVariable UUID id,
                              @RequestHeader(value = "HX-Request", required = false) String htmx,
                              Model model, ServerWebExchange exchange) {
        return act(api.delete(Service.MEMBERSHIP, "/api/communities/{id}/members/me", id).then(), id, htmx, model, exchange);
    }

    /** Runs the action, then shows my membership as it now is, with the service's refusal next to the button. */
    private Mono<String> act(Mono<Void> action, UUID id, String htmx, Model model, ServerWebExchange exchange) {
        if (htmx == null) {
            return action.thenReturn("redirect:/communities/" + id);
        }
        return action.then(Mono.<String>empty())
                .onErrorResume(ApiProblemException.class, problem -> {
                    exchange.getResponse().setStatusCode(HttpStatus.UNPROCESSABLE_CONTENT);
                    return Mono.just(problem.detail() != null ? problem.detail() : problem.title());
                })
                .map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty())
                .flatMap(refusal -> api.object(Service.COMMUNITY, CommunityDetail.class, "/api/communities/{id}", id)
                        .flatMap(c -> Section.guard(MyMembership.of(api, id, c)).map(membership -> {
                            model.addAttribute("community", c);
                            model.addAttribute("membership", membership);
                            model.addAttribute("membershipError", refusal.orElse(null));
                            return "communities/detail :: membership";
                        })));
    }

    /** Leads as names: the directory's display name, or the id when the directory does not know them yet. */
    private Mono<List<String>> leadNames(CommunityDetail community) {
        return Flux.fromIterable(community.leads())
                .concatMap(lead -> Directory.name(api, lead))
                .collectList();
    }
}
