package io.guildhall.gateway.portal.me;

import io.guildhall.gateway.portal.PortalFormat;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** My participation as chart configurations (static/portal/charts.js), in percent of my work time. */
@Component
public class ParticipationCharts {

    private final PortalFormat fmt;

    public ParticipationCharts(PortalFormat fmt) {
        this.fmt = fmt;
    }

    /** My share per week (labelled by its days) against the target line. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> byWeek(Participation p) {
        List<String> labels = new ArrayList<>();
        List<Object> data = new ArrayList<>();
        for (Map<String, Object> point : (List<Map<String, Object>>) p.report().getOrDefault("trend", List.of())) {
            labels.add(fmt.week(point.get("week")));
            data.add(fmt.percentValue(point.get("share")));
        }
        return Map.of("kind", "bar", "labels", labels, "unit", "%", "target", fmt.percentValue(p.target()),
                "series", List.of(Map.of("label", "My share of work time", "data", data)));
    }

    /**
     * What my share is made of: each category's counted minutes as a part of my work time. No target line: the
     * target is for the total, not for each part.
     */
    @SuppressWarnings("unchecked")
    public Map<String, Object> byCategory(Participation p) {
        List<String> labels = new ArrayList<>();
        List<Object> data = new ArrayList<>();
        long work = p.workMinutes() == null ? 0 : p.workMinutes();
        for (Map<String, Object> category : (List<Map<String, Object>>) p.report().getOrDefault("byCategory", List.of())) {
            labels.add(fmt.label(category.get("category")));
            BigDecimal minutes = fmt.number(category.get("minutes"));
            data.add(work == 0 || minutes == null ? null
                    : minutes.multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(work), 1, RoundingMode.HALF_UP));
        }
        return Map.of("kind", "hbar", "labels", labels, "unit", "%",
                "series", List.of(Map.of("label", "Part of my share of work time", "data", data)));
    }
}
