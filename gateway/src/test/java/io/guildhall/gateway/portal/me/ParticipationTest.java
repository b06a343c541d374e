package io.guildhall.gateway.portal.me;

import io.guildhall.gateway.portal.PortalFormat;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ParticipationTest {

    final Map<String, Object> report = Map.of("period", "2026-Q4", "targetShare", 0.17, "share", 0.085,
            "participationMinutes", 2040, "workMinutes", 24000, "standing", "BELOW_TARGET",
            "trend", List.of(Map.of("week", "2026-W47", "share", 0.1), mapWithNullShare("2026-W48")),
            "byCategory", List.of(Map.of("category", "TRAINING", "minutes", 1200)));

    @Test
    void reads_analytics_me_report_and_draws_the_gauge_in_percent() {
        Participation p = Participation.from(report);

        assertThat(p.share()).isEqualTo(0.085);
        assertThat(p.target()).isEqualTo(0.17);
        assertThat(p.atOrAboveTarget()).isFalse();
        // The scale runs to 2.5 x the target, the mark at 17 %, amber beyond 34 % (over-participation).
        assertThat(p.gauge()).containsEntry("kind", "gauge").containsEntry("value", 8.5).containsEntry("target", 17.0)
                .containsEntry("warnAbove", 34.0).containsEntry("max", 42.5);
        assertThat(p.overParticipating()).isFalse();
    }

    @Test
    void no_gauge_runs_beyond_100_percent_and_over_participation_is_a_warning() {
        Participation over = Participation.from(Map.of("period", "week:2026-W49", "targetShare", 0.17, "share", 1.0,
                "standing", "OVER_PARTICIPATION", "minutesToTarget", -1992));

        assertThat(over.gauge()).containsEntry("max", 100.0).containsEntry("value", 100.0);
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
        assertThat(new ParticipationCharts(fmt).byWeek(Participation.from(report)).get("labels"))
                .isEqualTo(List.of("16–22 Nov", "23–29 Nov"));
    }

    @Test
    void a_week_without_a_share_is_a_gap_in_the_chart_never_zero() {
        Map<String, Object> chart = new ParticipationCharts(new PortalFormat()).byWeek(Participation.from(report));

        @SuppressWarnings("unchecked")
        List<Object> data = (List<Object>) ((List<Map<String, Object>>) chart.get("series")).get(0).get("data");
        assertThat(data).hasSize(2);
        assertThat(data.get(0).toString()).isEqualTo("10.0");
        assertThat(data.get(1)).isNull();
    }

    @Test
    void category_minutes_are_the_parts_of_my_share_without_a_target_line() {
        Map<String, Object> chart = new ParticipationCharts(new PortalFormat()).byCategory(Participation.from(report));

        assertThat(chart.get("labels")).isEqualTo(List.of("training"));
        assertThat(chart.toString()).contains("data=[5.0]");
        assertThat(chart).containsEntry("kind", "hbar").doesNotContainKey("target");
    }

    private static Map<String, Object> mapWithNullShare(String week) {
        Map<String, Object> point = new HashMap<>();
        point.put("week", week);
        point.put("share", null);
        return point;
    }
}
