package io.guildhall.gateway.portal.admin;

import io.guildhall.gateway.portal.Section;
import io.guildhall.gateway.portal.api.ApiClient;
import io.guildhall.gateway.portal.api.Service;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * The admins' anomalies list (rule 10 of docs/participation.md, analytics-service's
 * {@code GET /api/analytics/admin/anomalies}): events recorded after the fact, an organiser's only attendee,
 * reciprocal check-ins, people at the day cap on three days of a week. Only admins reach this page (security chain);
 * analytics-service checks the role again.
 */
@Controller
public class AnomaliesController {

    static final List<String> PERIODS = List.of("week", "month", "quarter", "rolling13");

    private final ApiClient api;

    public AnomaliesController(ApiClient api) {
        this.api = api;
    }

    @GetMapping("/admin/anomalies")
    public Mono<String> anomalies(@RequestParam(defaultValue = "month") String period, Model model) {
        String chosen = PERIODS.contains(period) ? period : "month";
        model.addAttribute("period", chosen);
        model.addAttribute("periods", PERIODS);
        return Section.guard(api.object(Service.ANALYTICS, Anomalies.class, uri -> uri.path("/api/analytics/admin/anomalies")
                        .queryParam("period", chosen).build()))
                .map(report -> {
                    model.addAttribute("report", report);
                    return "admin/anomalies";
                });
    }
}
