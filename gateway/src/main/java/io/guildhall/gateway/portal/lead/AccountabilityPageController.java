package io.guildhall.gateway.portal.lead;

import io.guildhall.gateway.portal.Chart;
import io.guildhall.gateway.portal.PortalFormat;
import io.guildhall.gateway.portal.PortalGuard;
import io.guildhall.gateway.portal.api.ApiClient;
import io.guildhall.gateway.portal.community.CommunityDetail;
import io.guildhall.gateway.portal.api.ApiProblemException;
import io.guildhall.gateway.portal.api.FormErrors;
import io.guildhall.gateway.portal.api.Service;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A community's accountability report (community-service): goals with status, progress in the period and
 * trend, check-in cadence and flagged owners. The period's dates go to the service as typed; a date it refuses
 * is shown at its field.
 */
@Controller
public class AccountabilityPageController {

    private final ApiClient api;
    private final PortalFormat fmt;
    private final PortalGuard guard;

    public AccountabilityPageController(ApiClient api, PortalFormat fmt, PortalGuard guard) {
        this.api = api;
        this.fmt = fmt;
        this.guard = guard;
    }

    @GetMapping("/lead/communities/{id:[0-9a-fA-F-]{36}}/accountability")
    public Mono<String> report(@PathVariable UUID id, @RequestParam(required = false) String from,
                               @RequestParam(required = false) String to, Model model, ServerWebExchange exchange) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("from", from == null ? "" : from.trim());
        form.put("to", to == null ? "" : to.trim());
        model.addAttribute("form", form);
        model.addAttribute("communityId", id);
        return guard.leadsOrOversees(id, exchange).then(api.object(Service.COMMUNITY, Accountability.class, uri -> {
                    uri.path("/api/communities/{id}/accountability");
                    form.forEach((name, value) -> {
                        if (!value.isEmpty()) {
                            uri.queryParam(name, value);
                        }
                    });
                    return uri.build(id);
                })
                .map(report -> {
                    model.addAttribute("report", report);
                    // The inputs show the period reported, also when the service chose it (13 weeks to today).
                    form.computeIfPresent("from", (name, value) -> value.isEmpty() ? report.from().toString() : value);
                    form.computeIfPresent("to", (name, value) -> value.isEmpty() ? report.to().toString() : value);
                    model.addAttribute("progressChart", progressChart(report));
                    model.addAttribute("errors", FormErrors.none());
                    return "lead/accountability";
                })
                .onErrorResume(ApiProblemException.class, problem -> problem.status() != 400 ? Mono.error(problem) : api
                        .object(Service.COMMUNITY, CommunityDetail.class, "/api/communities/{id}", id).map(community -> {
                            exchange.getResponse().setStatusCode(HttpStatus.UNPROCESSABLE_CONTENT);
                            model.addAttribute("report", Accountability.refused(id, community.name()));
                            model.addAttribute("errors", FormErrors.of(problem, Map.of(), Set.of("from", "to")));
                            return "lead/accountability";
                        })));
    }

    /** Progress made in the period per goal, in percent of the way to the target (horizontal bars, 0 to 100 %). */
    private Chart progressChart(Accountability report) {
        List<String> labels = new ArrayList<>();
        List<BigDecimal> data = new ArrayList<>();
        for (Accountability.GoalLine goal : report.goals()) {
            labels.add(goal.title());
            data.add(fmt.percentValue(goal.progressInPeriod()));
        }
        return Chart.horizontalBars(labels, "%", "Progress in the period", data).scaled(0, 100);
    }
}
