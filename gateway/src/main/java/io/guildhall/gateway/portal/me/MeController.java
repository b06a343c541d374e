package io.guildhall.gateway.portal.me;

import io.guildhall.gateway.portal.PersonalToday;
import io.guildhall.gateway.portal.Section;
import io.guildhall.gateway.portal.api.ApiClient;
import io.guildhall.gateway.portal.api.FormErrors;
import io.guildhall.gateway.portal.api.Service;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * My page: my participation in a period against the target (by week and by category), my network reach and
 * give/take balance (analytics-service), my contribution log with its form (membership-service) and my data
 * export. Each part shows its own unavailable state.
 */
@Controller
public class MeController {

    static final List<String> PERIODS = List.of("week", "month", "quarter", "rolling13");

    private final ApiClient api;
    private final ParticipationCharts charts;
    private final PersonalToday today;

    public MeController(ApiClient api, ParticipationCharts charts, PersonalToday today) {
        this.api = api;
        this.charts = charts;
        this.today = today;
    }

    @GetMapping("/me")
    public Mono<String> me(@RequestParam(defaultValue = "quarter") String period, Model model) {
        String chosen = PERIODS.contains(period) ? period : "quarter";
        model.addAttribute("period", chosen);
        model.addAttribute("periods", PERIODS);
        model.addAttribute("errors", FormErrors.none());
        // The form's date and the log's 30 days are the person's own today (their location's zone).
        return today.today().flatMap(day -> {
            model.addAttribute("form", ContributionForms.blank(day));
            // People with direct reports also have a team view (analytics answers 403 to anyone else).
            Mono<Boolean> hasTeam = api.object(Service.ANALYTICS, uri -> uri.path("/api/analytics/team")
                    .queryParam("period", "week").build()).map(team -> true).onErrorResume(e -> Mono.just(false));
            return Mono.zip(Section.guard(Participation.of(api, chosen)), ContributionForms.log(api, day), hasTeam);
        })
                .map(sections -> {
                    model.addAttribute("participation", sections.getT1());
                    if (sections.getT1().available()) {
                        Participation p = sections.getT1().data();
                        model.addAttribute("weekChart", charts.byWeek(p));
                        model.addAttribute("categoryChart", charts.byCategory(p));
                    }
                    model.addAttribute("log", sections.getT2());
                    model.addAttribute("hasTeam", sections.getT3());
                    return "me/index";
                });
    }
}
