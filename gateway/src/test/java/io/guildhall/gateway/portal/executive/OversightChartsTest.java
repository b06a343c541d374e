package io.guildhall.gateway.portal.executive;

import io.guildhall.gateway.portal.PortalFormat;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The oversight charts: one measure against the target, suppressed groups as labelled gaps, weeks by their days. */
class OversightChartsTest {

    private final OversightController controller = new OversightController(null, new PortalFormat());

    @Test
    void groups_show_their_mean_share_against_the_target_and_a_suppressed_group_is_a_gap() {
        Map<String, Object> report = Map.of("groupBy", "level", "targetShare", 0.17, "groups", List.of(
                Map.of("group", "IC", "suppressed", false, "meanShare", 0.052),
                suppressed("manager")));

        Map<String, Object> chart = controller.groupChart(report);

        assertThat(chart.get("labels")).isEqualTo(List.of("Individual contributor", "Manager (suppressed)"));
        assertThat(chart.toString()).contains("target=17.0").contains("label=Mean share of work time")
                .contains("data=[5.2, null]");
    }

    @Test
    void the_trend_is_labelled_by_the_weeks_days() {
        Map<String, Object> report = Map.of("targetShare", 0.17, "total", Map.of("trend", List.of(
                Map.of("week", "2026-W49", "suppressed", false, "share", 0.04))));

        assertThat(controller.trendChart(report).get("labels")).isEqualTo(List.of("30 Nov – 6 Dec"));
    }

    private static Map<String, Object> suppressed(String name) {
        Map<String, Object> group = new HashMap<>();
        group.put("group", name);
        group.put("suppressed", true);
        group.put("meanShare", null);
        return group;
    }
}
