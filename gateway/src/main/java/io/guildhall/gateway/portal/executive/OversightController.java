package io.guildhall.gateway.portal.executive;

import io.guildhall.gateway.portal.PortalFormat;
import io.guildhall.gateway.portal.Section;
import io.guildhall.gateway.portal.api.ApiClient;
import io.guildhall.gateway.portal.api.Service;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The executives' oversight (analytics-service): participation by department, level, location or community
 * against the target, the trend, and the communities ranked. A suppressed group (too few people) is a gap in
 * the chart and reads "suppressed" in the table, never 0. Only executives reach this page (security chain);
 * analytics-service checks the role again.
 */
@Controller
public class OversightController {

    static final List<String> GROUPINGS = List.of("department", "level", "location", "community");
    static final List<String> PERIODS = List.of("week", "month", "quarter", "rolling13");

    private final ApiClient api;
    private final PortalFormat fmt;

    public OversightController(ApiClient api, PortalFormat fmt) {
        this.api = api;
        this.fmt = fmt;
    }

    @GetMapping("/executive")
    public Mono<String> oversight(@RequestParam(defaultValue = "department") String groupBy,
                                  @RequestParam(defaultValue = "quarter") String period, Model model) {
        String grouping = GROUPINGS.contains(groupBy) ? groupBy : "department";
        String chosen = PERIODS.contains(period) ? period : "quarter";
        model.addAttribute("groupBy", grouping);
        model.addAttribute("period", chosen);
        model.addAttribute("groupings", GROUPINGS);
        model.addAttribute("periods", PERIODS);
        return Section.guard(api.object(Service.ANALYTICS, uri -> uri.path("/api/analytics/oversight")
                        .queryParam("groupBy", grouping).queryParam("period", chosen).build()))
                .map(report -> {
                    model.addAttribute("report", report);
                    if (report.available()) {
                        model.addAttribute("groupChart", groupChart(report.data()));
                        model.addAttribute("trendChart", trendChart(report.data()));
                    }
                    return "executive/oversight";
                });
    }

    /**
     * Each group's mean share of work time against the target line (one measure on one scale: the people at or
     * above the target are in the table); a suppressed group is a labelled gap.
     */
    @SuppressWarnings("unchecked")
    Map<String, Object> groupChart(Map<String, Object> report) {
        List<String> labels = new ArrayList<>();
        List<Object> mean = new ArrayList<>();
        String groupBy = String.valueOf(report.get("groupBy"));
        for (Map<String, Object> group : (List<Map<String, Object>>) report.getOrDefault("groups", List.of())) {
            boolean suppressed = Boolean.TRUE.equals(group.get("suppressed"));
            labels.add(fmt.group(groupBy, group.get("group")) + (suppressed ? " (suppressed)" : ""));
            mean.add(suppressed ? null : fmt.percentValue(group.get("meanShare")));
        }
        return Map.of("kind", "bar", "labels", labels, "unit", "%", "target", fmt.percentValue(report.get("targetShare")),
                "series", List.of(Map.of("label", "Mean share of work time", "data", mean)));
    }

    /** Everyone's share per week against the target; hidden weeks are gaps. */
    @SuppressWarnings("unchecked")
    Map<String, Object> trendChart(Map<String, Object> report) {
        List<String> labels = new ArrayList<>();
        List<Object> data = new ArrayList<>();
        Map<String, Object> total = (Map<String, Object>) report.getOrDefault("total", Map.of());
        for (Map<String, Object> point : (List<Map<String, Object>>) total.getOrDefault("trend", List.of())) {
            labels.add(fmt.week(point.get("week")));
            data.add(Boolean.TRUE.equals(point.get("suppressed")) ? null : fmt.percentValue(point.get("share")));
        }
        return Map.of("kind", "line", "labels", labels, "unit", "%", "target", fmt.percentValue(report.get("targetShare")),
                "series", List.of(Map.of("label", "Share of work time, everyone", "data", data)));
    }
}
