package io.guildhall.gateway.portal.lead;

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
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The lead's desk: the communities I lead, and for one of them its goals (with check-in in place), its
 * members and the requests to join waiting for a decision. community-service and membership-service decide
 * who is a lead; this page only shows what they allow.
 */
@Controller
public class LeadController {

    private final ApiClient api;

    public LeadController(ApiClient api) {
        this.api = api;
    }

    @GetMapping("/lead")
    @SuppressWarnings("unchecked")
    public Mono<String> index(Model model) {
        return api.object(Service.MEMBERSHIP, "/api/me/communities").map(mine -> {
            List<Map<String, Object>> led = ((List<Map<String, Object>>) mine.getOrDefault("communities", List.of())).stream()
                    .filter(c -> "LEAD".equalsIgnoreCase(String.valueOf(c.get("role")))).toList();
            model.addAttribute("led", led);
            return "lead/index";
        });
    }

    @GetMapping("/lead/communities/{id:[0-9a-fA-F-]{36}}")
    public Mono<String> community(@PathVariable UUID id, Model model) {
        return api.object(Service.COMMUNITY, "/api/communities/{id}", id).flatMap(community -> Mono.zip(
                        Section.guard(api.list(Service.COMMUNITY, "/api/communities/{id}/goals", id)),
                        Section.guard(api.object(Service.MEMBERSHIP, "/api/communities/{id}/members", id)),
                        Section.guard(api.list(Service.MEMBERSHIP, "/api/communities/{id}/membership-requests", id)))
                .map(sections -> {
                    model.addAttribute("community", community);
                    model.addAttribute("goals", sections.getT1());
                    model.addAttribute("members", sections.getT2());
                    model.addAttribute("requests", sections.getT3());
                    return "lead/community";
                }));
    }

    @PostMapping("/lead/communities/{id:[0-9a-fA-F-]{36}}/requests/{requestId:[0-9a-fA-F-]{36}}/{decision:approve|decline}")
    public Mono<String> decide(@PathVariable UUID id, @PathVariable UUID requestId, @PathVariable String decision,
                               @RequestHeader(value = "HX-Request", required = false) String htmx,
                               Model model, ServerWebExchange exchange) {
        Map<String, Object> body = Map.of("decision", "approve".equals(decision) ? "APPROVED" : "DECLINED");
        Mono<String> refusal = api.post(Service.MEMBERSHIP, "/api/communities/{id}/membership-requests/{requestId}/decision",
                        body, id, requestId)
                .then(Mono.<String>empty())
                .onErrorResume(ApiProblemException.class, problem -> {
                    exchange.getResponse().setStatusCode(HttpStatus.UNPROCESSABLE_CONTENT);
                    return Mono.just(problem.detail() != null ? problem.detail() : problem.title());
                });
        if (htmx == null) {
            return refusal.defaultIfEmpty("").thenReturn("redirect:/lead/communities/" + id);
        }
        return refusal.map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty())
                .flatMap(error -> Mono.zip(
                                Section.guard(api.object(Service.MEMBERSHIP, "/api/communities/{id}/members", id)),
                                Section.guard(api.list(Service.MEMBERSHIP, "/api/communities/{id}/membership-requests", id)))
                        .map(sections -> {
                            model.addAttribute("community", Map.of("id", id));
                            model.addAttribute("members", sections.getT1());
                            model.addAttribute("requests", sections.getT2());
                            model.addAttribute("requestError", error.orElse(null));
                            return "lead/community :: people";
                        }));
    }
}
