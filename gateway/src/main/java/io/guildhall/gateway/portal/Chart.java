package io.guildhall.gateway.portal;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;

/**
 * A chart as static/portal/charts.js draws it, written into the page as JSON ({@code data-chart}): bars, horizontal
 * bars or a line over {@code labels} with one series, optionally a target line and a fixed scale; or a gauge of one
 * {@code value}. A null in a series is a gap (a suppressed figure), never a zero. Unset parts are left out of the JSON.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Chart(String kind, String label, List<String> labels, String unit, Number value, Number target,
                    Number warnAbove, Number min, Number max, List<Series> series) {

    /** One series; its data may hold nulls (gaps), so it is kept as given. */
    public record Series(String label, List<BigDecimal> data) {

        public Series {
            data = Collections.unmodifiableList(data);
        }
    }

    /** Vertical bars, one per label, in {@code unit}; {@code target} (or null) draws the target line. */
    public static Chart bars(List<String> labels, String unit, BigDecimal target, String seriesLabel, List<BigDecimal> data) {
        return of("bar", labels, unit, target, seriesLabel, data);
    }

    /** Horizontal bars, one per label. */
    public static Chart horizontalBars(List<String> labels, String unit, String seriesLabel, List<BigDecimal> data) {
        return of("hbar", labels, unit, null, seriesLabel, data);
    }

    /** A line over the labels (weeks, say). */
    public static Chart line(List<String> labels, String unit, BigDecimal target, String seriesLabel, List<BigDecimal> data) {
        return of("line", labels, unit, target, seriesLabel, data);
    }

    /** One value on a scale from 0 to {@code max}, the target marked, a value above {@code warnAbove} in amber. */
    public static Chart gauge(String label, double value, double target, double warnAbove, double max) {
        return new Chart("gauge", label, null, null, value, target, warnAbove, null, max, null);
    }

    /** The same chart on a fixed scale (percent of the way to a target: 0 to 100). */
    public Chart scaled(int min, int max) {
        return new Chart(kind, label, labels, unit, value, target, warnAbove, min, max, series);
    }

    private static Chart of(String kind, List<String> labels, String unit, BigDecimal target, String seriesLabel,
                            List<BigDecimal> data) {
        return new Chart(kind, null, List.copyOf(labels), unit, null, target, null, null, null,
                List.of(new Series(seriesLabel, data)));
    }
}
