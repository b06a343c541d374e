package io.guildhall.gateway.portal.me;

import io.guildhall.gateway.portal.Section;
import io.guildhall.gateway.portal.api.ApiClient;
import io.guildhall.gateway.portal.api.Service;
import io.guildhall.gateway.portal.api.ServiceUnavailableException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * The managers' view (issue 17): a person with direct reports reads their team's participation against the
 * target, by week and by category, from analytics ({@code GET /api/analytics/team}); never anyone in it, and only
 * the team's size under 5 people. Anyone without reports gets the friendly 403 page (analytics refuses).
 */
@Controller
public class TeamPageController {

    static final List<String> PERIODS = List.of("quarter", "month", "week", "rolling13");

    private final ApiClient api;

    public TeamPageController(ApiClient api) {
        this.api = api;
    }

    @GetMapping("/me/team")
    public Mono<String> team(@RequestParam(defaultValue = "quarter") String period, Model model) {
        String chosen = PERIODS.contains(period) ? period : "quarter";
        model.addAttribute("period", chosen);
        model.addAttribute("periods", PERIODS);
        // A refusal (nobody reports to the caller) is the friendly 403 page, not a section "not available".
        return api.object(Service.ANALYTICS, uri -> uri.path("/api/analytics/team").queryParam("period", chosen).build())
                .map(Section::of)
                .onErrorResume(ServiceUnavailableException.class, e -> Mono.just(Section.unavailable(e.getMessage())))
                .map(team -> {
                    model.addAttribute("team", team);
                    return "me/team";
                });
    }
}
