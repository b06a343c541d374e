package io.guildhall.gateway.portal.executive;

import io.guildhall.gateway.portal.Chart;
import io.guildhall.gateway.portal.PortalFormat;
import io.guildhall.gateway.portal.Section;
import io.guildhall.gateway.portal.api.ApiClient;
import io.guildhall.gateway.portal.api.Service;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

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
        // How many communities have gone quiet (no event for the inactivity period): community-service's count.
        Mono<Section<Long>> inactive = Section.guard(api.object(Service.COMMUNITY, uri -> uri.path("/api/communities")
                        .queryParam("status", "INACTIVE").queryParam("size", 1).build())
                .map(page -> page.get("totalItems") instanceof Number n ? n.longValue() : 0L));
        return Mono.zip(Section.guard(api.object(Service.ANALYTICS, Oversight.class, uri -> uri.path("/api/analytics/oversight")
                        .queryParam("groupBy", grouping).queryParam("period", chosen).build())), inactive)
                .map(parts -> {
                    Section<Oversight> report = parts.getT1();
                    model.addAttribute("inactiveCommunities", parts.getT2());
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
    Chart groupChart(Oversight report) {
        List<String> labels = new ArrayList<>();
        List<BigDecimal> mean = new ArrayList<>();
        for (Oversight.Figures group : report.groups()) {
            labels.add(fmt.group(report.groupBy(), group.group()) + (group.suppressed() ? " (suppressed)" : ""));
            mean.add(group.suppressed() ? null : fmt.percentValue(group.meanShare()));
        }
        return Chart.bars(labels, "%", fmt.percentValue(report.targetShare()), "Mean share of work time", mean);
    }

    /** Everyone's share per week against the target; hidden weeks are gaps. */
    Chart trendChart(Oversight report) {
        List<String> labels = new ArrayList<>();
        List<BigDecimal> data = new ArrayList<>();
        for (Oversight.TrendPoint point : report.total() == null ? List.<Oversight.TrendPoint>of() : report.total().trend()) {
            labels.add(fmt.week(point.week()));
            data.add(point.suppressed() ? null : fmt.percentValue(point.share()));
        }
        return Chart.line(labels, "%", fmt.percentValue(report.targetShare()), "Share of work time, everyone", data);
    }
}
