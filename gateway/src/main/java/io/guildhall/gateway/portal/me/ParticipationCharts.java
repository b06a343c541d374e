package io.guildhall.gateway.portal.me;

import io.guildhall.gateway.portal.Chart;
import io.guildhall.gateway.portal.PortalFormat;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/** My participation as chart configurations (static/portal/charts.js), in percent of my work time. */
@Component
public class ParticipationCharts {

    private final PortalFormat fmt;

    public ParticipationCharts(PortalFormat fmt) {
        this.fmt = fmt;
    }

    /** My share per week (labelled by its days) against the target line. */
    public Chart byWeek(Participation p) {
        List<String> labels = new ArrayList<>();
        List<BigDecimal> data = new ArrayList<>();
        for (Participation.TrendPoint point : p.trend()) {
            labels.add(fmt.week(point.week()));
            data.add(fmt.percentValue(point.share()));
        }
        return Chart.bars(labels, "%", fmt.percentValue(p.target()), "My share of work time", data);
    }

    /**
     * What my share is made of: each category's counted minutes as a part of my work time. No target line: the
     * target is for the total, not for each part.
     */
    public Chart byCategory(Participation p) {
        List<String> labels = new ArrayList<>();
        List<BigDecimal> data = new ArrayList<>();
        long work = p.workMinutes() == null ? 0 : p.workMinutes();
        for (Participation.Minutes category : p.byCategory()) {
            labels.add(fmt.label(category.category()));
            data.add(work == 0 ? null
                    : BigDecimal.valueOf(category.minutes()).multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(work), 1, RoundingMode.HALF_UP));
        }
        return Chart.horizontalBars(labels, "%", "Part of my share of work time", data);
    }
}
