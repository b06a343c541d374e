package io.guildhall.gateway.portal.me;

import io.guildhall.gateway.portal.Chart;
import io.guildhall.gateway.portal.PortalFormat;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ParticipationTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    final Map<String, Object> report = Map.of("period", "2026-Q4", "targetShare", 0.17, "share", 0.085,
            "participationMinutes", 2040, "workMinutes", 24000, "standing", "BELOW_TARGET",
            "trend", List.of(Map.of("week", "2026-W47", "share", 0.1), mapWithNullShare("2026-W48")),
            "byCategory", List.of(Map.of("category", "TRAINING", "minutes", 1200)));

    @Test
    void reads_analytics_me_report_and_draws_the_gauge_in_percent() {
        Participation p = from(report);

        assertThat(p.share()).isEqualTo(0.085);
        assertThat(p.target()).isEqualTo(0.17);
        assertThat(p.atOrAboveTarget()).isFalse();
        // The scale runs to 2.5 x the target, the mark at 17 %, amber beyond 34 % (over-participation).
        assertThat(JSON.writeValueAsString(p.gauge())).isEqualTo(
                "{\"kind\":\"gauge\",\"label\":\"My share\",\"value\":8.5,\"target\":17.0,\"warnAbove\":34.0,\"max\":42.5}");
        assertThat(p.overParticipating()).isFalse();
    }

    @Test
    void no_gauge_runs_beyond_100_percent_and_over_participation_is_a_warning() {
        Participation over = from(Map.of("period", "week:2026-W49", "targetShare", 0.17, "share", 1.0,
                "standing", "OVER_PARTICIPATION", "minutesToTarget", -1992));

        assertThat(over.gauge().max()).isEqualTo(100.0);
        assertThat(over.gauge().value()).isEqualTo(100.0);
        assertThat(over.overParticipating()).isTrue();
        assertThat(over.minutesToTarget()).isEqualTo(-1992L);
        assertThat(new PortalFormat().standing("OVER_PARTICIPATION")).isEqualTo("above what is sustainable");
        assertThat(new PortalFormat().periodNoun(over.period())).isEqualTo("week");
    }

    @Test
    void weeks_are_labelled_by_their_days() {
        PortalFormat fmt = new PortalFormat();

        assertThat(fmt.week("2026-W49")).isEqualTo("30 Nov – 6 Dec");
        assertThat(fmt.week("2026-W50")).isEqualTo("7–13 Dec");
        assertThat(fmt.week("2027-W01")).isEqualTo("4–10 Jan");
        assertThat(new ParticipationCharts(fmt).byWeek(from(report)).labels())
                .isEqualTo(List.of("16–22 Nov", "23–29 Nov"));
    }

    @Test
    void a_week_without_a_share_is_a_gap_in_the_chart_never_zero() {
        Chart chart = new ParticipationCharts(new PortalFormat()).byWeek(from(report));

        List<BigDecimal> data = chart.series().get(0).data();
        assertThat(data).hasSize(2);
        assertThat(data.get(0).toString()).isEqualTo("10.0");
        assertThat(data.get(1)).isNull();
    }

    @Test
    void category_minutes_are_the_parts_of_my_share_without_a_target_line() {
        Chart chart = new ParticipationCharts(new PortalFormat()).byCategory(from(report));

        assertThat(chart.labels()).isEqualTo(List.of("training"));
        assertThat(chart.series().get(0).data()).containsExactly(new BigDecimal("5.0"));
        assertThat(chart.kind()).isEqualTo("hbar");
        assertThat(chart.target()).isNull();
    }

    /** As the portal reads analytics' answer. */
    private static Participation from(Map<String, Object> report) {
        return JSON.convertValue(report, Participation.class);
    }

    private static Map<String, Object> mapWithNullShare(String week) {
        Map<String, Object> point = new HashMap<>();
        point.put("week", week);
        point.put("share", null);
        return point;
    }
}
