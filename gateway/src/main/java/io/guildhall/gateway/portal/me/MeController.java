package io.guildhall.gateway.portal.me;

import io.guildhall.gateway.portal.Section;
import io.guildhall.gateway.portal.api.ApiClient;
import io.guildhall.gateway.portal.api.FormErrors;
import io.guildhall.gateway.portal.api.Service;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.LocalDate;
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
    private final Clock clock;

    public MeController(ApiClient api, ParticipationCharts charts, Clock clock) {
        this.api = api;
        this.charts = charts;
        this.clock = clock;
    }

    @GetMapping("/me")
    public Mono<String> me(@RequestParam(defaultValue = "quarter") String period, Model model) {
        String chosen = PERIODS.contains(period) ? period : "quarter";
        model.addAttribute("period", chosen);
        model.addAttribute("periods", PERIODS);
        model.addAttribute("form", ContributionForms.blank(LocalDate.now(clock)));
        model.addAttribute("errors", FormErrors.none());
        return Mono.zip(Section.guard(Participation.of(api, chosen)), ContributionForms.log(api, LocalDate.now(clock)))
                .map(sections -> {
                    model.addAttribute("participation", sections.getT1());
                    if (sections.getT1().available()) {
                        Participation p = sections.getT1().data();
                        model.addAttribute("weekChart", charts.byWeek(p));
                        model.addAttribute("categoryChart", charts.byCategory(p));
                    }
                    model.addAttribute("log", sections.getT2());
                    return "me/index";
                });
    }
}
