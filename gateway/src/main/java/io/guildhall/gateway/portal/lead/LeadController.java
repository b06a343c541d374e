package io.guildhall.gateway.portal.lead;

import io.guildhall.gateway.portal.PortalGuard;
import io.guildhall.gateway.portal.Section;
import io.guildhall.gateway.portal.api.ApiClient;
import io.guildhall.gateway.portal.api.ApiProblemException;
import io.guildhall.gateway.portal.api.FormErrors;
import io.guildhall.gateway.portal.api.Service;
import io.guildhall.gateway.portal.community.MyCommunities;
import io.guildhall.gateway.portal.community.CommunityDetail;
import io.guildhall.gateway.portal.community.GoalDetail;
import io.guildhall.gateway.portal.community.Members;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The lead's desk: the communities I lead, and for one of them its goals (with check-in in place), its
 * members and the requests to join waiting for a decision. community-service and membership-service decide
 * who is a lead; this page only shows what they allow.
 */
@Controller
public class LeadController {

    private final ApiClient api;
    private final PortalGuard guard;

    public LeadController(ApiClient api, PortalGuard guard) {
        this.api = api;
        this.guard = guard;
    }

    @GetMapping("/lead")
    public Mono<String> index(Model model) {
        return api.object(Service.MEMBERSHIP, MyCommunities.class, "/api/me/communities").map(mine -> {
            model.addAttribute("led", mine.led());
            return "lead/index";
        });
    }

    @GetMapping("/lead/communities/{id:[0-9a-fA-F-]{36}}")
    public Mono<String> community(@PathVariable UUID id, Model model, ServerWebExchange exchange) {
        model.addAttribute("renewed", exchange.getRequest().getQueryParams().containsKey("renewed"));
        return guard.leads(id, exchange).then(page(id, model));
    }

    Mono<String> page(UUID id, Model model) {
        return api.object(Service.COMMUNITY, CommunityDetail.class, "/api/communities/{id}", id).flatMap(community -> Mono.zip(
                        Section.guard(api.list(Service.COMMUNITY, GoalDetail.class, "/api/communities/{id}/goals", id)),
                        Section.guard(api.object(Service.MEMBERSHIP, Members.class, "/api/communities/{id}/members", id)),
                        Section.guard(JoinRequests.of(api, id)),
                        // Who comes, this quarter: analytics' community report (new and returning, core members).
                        Section.guard(api.object(Service.ANALYTICS, uri -> uri.path("/api/analytics/communities/{id}")
                                .queryParam("period", "quarter").build(id))))
                .map(sections -> {
                    model.addAttribute("community", community);
                    model.addAttribute("goals", sections.getT1());
                    model.addAttribute("members", sections.getT2());
                    model.addAttribute("requests", sections.getT3());
                    model.addAttribute("report", sections.getT4());
                    return "lead/community";
                }));
    }

    /**
     * Approves or declines a request (a decline needs the lead's reason, which the asker sees). In place with
     * htmx: the members and requests section comes back, a refusal at the request's reason field with what was
     * typed kept; without JavaScript, back to the page, or the page with the refusal (422).
     */
    @PostMapping("/lead/communities/{id:[0-9a-fA-F-]{36}}/requests/{requestId:[0-9a-fA-F-]{36}}/{decision:approve|decline}")
    public Mono<String> decide(@PathVariable UUID id, @PathVariable UUID requestId, @PathVariable String decision,
                               @RequestHeader(value = "HX-Request", required = false) String htmx,
                               Model model, ServerWebExchange exchange) {
        return exchange.getFormData().flatMap(form -> {
            String reason = form.getFirst("reason");
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("decision", "approve".equals(decision) ? "APPROVED" : "DECLINED");
            if (reason != null && !reason.isBlank()) {
                body.put("reason", reason);
            }
            Mono<FormErrors> refusal = api.post(Service.MEMBERSHIP, "/api/communities/{id}/membership-requests/{requestId}/decision",
                            body, id, requestId)
                    .then(Mono.<FormErrors>empty())
                    .onErrorResume(ApiProblemException.class, problem -> {
                        exchange.getResponse().setStatusCode(HttpStatus.UNPROCESSABLE_CONTENT);
                        return Mono.just(FormErrors.of(problem, Map.of(), Set.of("reason")).inPlainWords(Map.of("reason", "Reason")));
                    });
            return refusal.map(Optional::of).defaultIfEmpty(Optional.empty()).flatMap(error -> {
                if (error.isEmpty() && htmx == null) {
                    return Mono.just("redirect:/lead/communities/" + id);
                }
                boolean atReason = error.isPresent() && error.get().has("reason");
                model.addAttribute("requestError", error.map(e -> atReason ? e.field("reason") : e.getGlobal()).orElse(null));
                model.addAttribute("requestErrorId", atReason ? requestId.toString() : null);
                model.addAttribute("typedReason", reason);
                if (htmx == null) {
                    return page(id, model);
                }
                return Mono.zip(Section.guard(api.object(Service.MEMBERSHIP, Members.class, "/api/communities/{id}/members", id)),
                                Section.guard(JoinRequests.of(api, id)))
                        .map(sections -> {
                            model.addAttribute("community", Map.of("id", id));
                            model.addAttribute("members", sections.getT1());
                            model.addAttribute("requests", sections.getT2());
                            return "lead/community :: people";
                        });
            });
        });
    }
}
