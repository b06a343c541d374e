package io.guildhall.gateway.portal.community;

import io.guildhall.gateway.portal.FormValues;
import io.guildhall.gateway.portal.api.ApiClient;
import io.guildhall.gateway.portal.api.ApiProblemException;
import io.guildhall.gateway.portal.api.FormErrors;
import io.guildhall.gateway.portal.api.Service;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Starting a community: any employee may propose one and becomes its first lead (community-service decides; a name
 * already taken comes back at its field). Then the community's page, where others find and join it.
 */
@Controller
public class StartCommunityController {

    static final List<String> FIELDS = List.of("name", "description", "practiceArea", "visibility");
    static final Map<String, String> LABELS = Map.of("name", "Name", "description", "What it is about",
            "practiceArea", "Practice area", "visibility", "Who can join");
    /** As community-service's CreateCommunityRequest has them; the service still decides. */
    static final Map<String, Map<String, String>> LIMITS = Map.of(
            "name", Map.of("required", "required", "maxlength", "120"),
            "description", Map.of("required", "required", "maxlength", "4000"),
            "practiceArea", Map.of("required", "required", "maxlength", "60"));

    private final ApiClient api;

    public StartCommunityController(ApiClient api) {
        this.api = api;
    }

    @GetMapping("/communities/new")
    public String form(Model model) {
        Map<String, String> form = new LinkedHashMap<>();
        FIELDS.forEach(field -> form.put(field, ""));
        form.put("visibility", "OPEN");
        return page(model, form, FormErrors.none());
    }

    @PostMapping("/communities/new")
    public Mono<String> start(Model model, ServerWebExchange exchange) {
        return exchange.getFormData().flatMap(data -> {
            FormValues form = FormValues.of(data, FIELDS);
            Map<String, Object> body = form.body(Set.of());
            body.putIfAbsent("visibility", "OPEN");
            return api.post(Service.COMMUNITY, "/api/communities", body)
                    .map(created -> "redirect:/communities/" + created.bodyAsMap().get("id") + "?started")
                    .onErrorResume(ApiProblemException.class, problem -> {
                        if (problem.status() == 401) {
                            return Mono.error(problem);
                        }
                        exchange.getResponse().setStatusCode(HttpStatus.UNPROCESSABLE_CONTENT);
                        return Mono.just(page(model, form.typed(), FormErrors.of(problem, Map.of(), Set.copyOf(FIELDS))
                                .inPlainWords(LABELS).ordered(FIELDS)));
                    });
        });
    }

    private static String page(Model model, Map<String, String> form, FormErrors errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("fieldLimits", LIMITS);
        return "communities/new";
    }
}
