package io.guildhall.gateway.portal.executive;

import io.guildhall.gateway.portal.Chart;
import io.guildhall.gateway.portal.PortalFormat;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The oversight charts: one measure against the target, suppressed groups as labelled gaps, weeks by their days. */
class OversightChartsTest {

    private final PortalFormat fmt = new PortalFormat();
    private final OversightController controller = new OversightController(null, fmt);

    @Test
    void groups_show_their_mean_share_against_the_target_and_a_suppressed_group_is_a_gap() {
        Oversight report = report("level", List.of(figures("IC", 0.052), suppressed("manager")), null);

        Chart chart = controller.groupChart(report);

        assertThat(chart.labels()).containsExactly("Individual contributor", "Manager (suppressed)");
        assertThat(chart.series()).singleElement().satisfies(series -> {
            assertThat(series.label()).isEqualTo("Mean share of work time");
            assertThat(series.data()).isEqualTo(Arrays.asList(new BigDecimal("5.2"), null));
        });
        // As charts.js reads it: the gap is a JSON null, unset parts are left out.
        assertThat(fmt.json(chart)).isEqualTo("{\"kind\":\"bar\",\"labels\":[\"Individual contributor\",\"Manager (suppressed)\"],"
                + "\"unit\":\"%\",\"target\":17.0,\"series\":[{\"label\":\"Mean share of work time\",\"data\":[5.2,null]}]}");
    }

    @Test
    void the_trend_is_labelled_by_the_weeks_days_and_a_hidden_week_is_a_gap() {
        Oversight.Figures total = new Oversight.Figures(null, false, 40, 0.5, 0.04, 0.03, 0.1, 100.0, List.of(
                new Oversight.TrendPoint("2026-W49", false, 0.04), new Oversight.TrendPoint("2026-W50", true, null)));

        Chart chart = controller.trendChart(report("department", List.of(), total));

        assertThat(chart.kind()).isEqualTo("line");
        assertThat(chart.labels()).containsExactly("30 Nov – 6 Dec", "7–13 Dec");
        assertThat(chart.series().get(0).data()).isEqualTo(Arrays.asList(new BigDecimal("4.0"), null));
    }

    @Test
    void without_a_total_the_trend_is_empty() {
        assertThat(controller.trendChart(report("department", List.of(), null)).labels()).isEmpty();
    }

    private static Oversight report(String groupBy, List<Oversight.Figures> groups, Oversight.Figures total) {
        return new Oversight(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 12, 31), groupBy, 0.17, 5, groups, total, List.of());
    }

    private static Oversight.Figures figures(String group, double meanShare) {
        return new Oversight.Figures(group, false, 12, 0.5, meanShare, meanShare, 0.1, 10.0, List.of());
    }

    private static Oversight.Figures suppressed(String group) {
        return new Oversight.Figures(group, true, null, null, null, null, null, null, List.of());
    }
}
