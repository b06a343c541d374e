package io.guildhall.analytics.report;

import io.guildhall.analytics.participation.Minutes;
import io.guildhall.analytics.participation.ParticipationRules;
import io.guildhall.analytics.privacy.Suppression;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The oversight's groups, trends and health score, worked by hand without a database. */
class ReportBuildingBlocksTest {

    private static final ParticipationRules RULES =
            new ParticipationRules(ZoneId.of("Europe/Berlin"), 0.17, Set.of(), Set.of());
    private static final Suppression FIVE = new Suppression(5);

    @Test
    void a_groups_figures_are_the_median_the_share_at_target_and_the_hours() {
        // Shares 0, 0.1, 0.2 (at target), 0.4 (over 0.34), 0.05: median 0.1; 2 of 5 at or above; 1 of 5 over.
        GroupAggregate group = new GroupAggregate(new PersonIndex(), List.of("2026-W48"));
        int[] participation = {0, 240, 480, 960, 120};
        for (int i = 0; i < participation.length; i++) {
            group.addPerson("p" + i, Map.of("2026-W48", new Minutes(2400, participation[i])));
        }

        GroupFigures figures = group.figures("Sales", List.of("2026-W48"), Set.of(), RULES);

        assertEquals(5, figures.peopleCounted());
        assertEquals(0.1, figures.medianShare(), 1e-12);
        // The headline beside the median: 4 of 5 took part at all, and the mean is (0+.1+.2+.4+.05)/5 = 0.15.
        assertEquals(0.8, figures.shareOfPeopleParticipating(), 1e-12);
        assertEquals(0.15, figures.meanShare(), 1e-12);
        assertEquals(0.4, figures.shareOfPeopleAtOrAboveTarget(), 1e-12);
        assertEquals(0.2, figures.shareOfPeopleOverParticipating(), 1e-12);
        assertEquals(30.0, figures.totalHours(), 1e-12, "1800 minutes");
        assertEquals(1800.0 / 12000, figures.trend().get(0).share(), 1e-12);
    }

    @Test
    void a_week_with_too_few_people_is_hidden_in_an_otherwise_visible_groups_trend() {
        // Five people in W47, only two of them had work time in W48 (the others had left).
        GroupAggregate sales = new GroupAggregate(new PersonIndex(), List.of("2026-W47", "2026-W48"));
        for (int i = 0; i < 5; i++) {
            Map<String, Minutes> weeks = new LinkedHashMap<>(Map.of("2026-W47", new Minutes(2400, 60)));
            if (i < 2) {
                weeks.put("2026-W48", new Minutes(2400, 60));
            }
            sales.addPerson("s" + i, weeks);
        }
        Map<String, GroupAggregate> groups = new LinkedHashMap<>(Map.of("Sales", sales));

        Breakdown.Result result = Breakdown.of(Map.of("department", groups), sales, List.of("2026-W47", "2026-W48"),
                FIVE, RULES).get("department");

        GroupFigures figures = result.groups().get(0);
        assertFalse(figures.suppressed());
        assertFalse(figures.trend().get(0).suppressed());
        assertTrue(figures.trend().get(1).suppressed());
        assertNull(figures.trend().get(1).share());
        assertTrue(result.total().trend().get(1).suppressed(), "the total's week too");
    }

    @Test
    void the_health_score_averages_the_inputs_that_exist() {
        // Activity 3/6 = 0.5, no attendance (suppressed), goals 1 of 2 healthy = 0.5, cadence 2 events / 4 weeks.
        CommunityReport.Health health = CommunityHealth.health(6, 3, null,
                Map.of("ON_TRACK", 1, "OVERDUE", 1), 2, 4);

        assertEquals(50, health.score());
        assertEquals(List.of(true, false, true, true, false),
                health.inputs().stream().map(CommunityReport.HealthInput::used).toList());
    }

    @Test
    void the_events_ratings_feed_the_score_when_there_are_enough_of_them() {
        // The same community, its events rated 4.6 on average: (4.6 - 1) / 4 = 0.9 joins 0.5, 0.5 and 0.5.
        CommunityReport.Health health = CommunityHealth.health(6, 3, null, Map.of("ON_TRACK", 1, "OVERDUE", 1), 2, 4, 0.9);
        assertEquals(60, health.score());
        assertEquals("satisfaction", health.inputs().get(4).name());
        assertEquals(0.9, health.inputs().get(4).value());
    }

    @Test
    void without_any_input_there_is_no_score() {
        assertNull(CommunityHealth.health(0, 0, null, Map.of(), 0, 0).score());
    }

    @Test
    void csv_neutralises_formulas_and_quotes_commas() {
        GroupFigures evil = GroupFigures.suppressed("=HYPERLINK(\"x\")", List.of());
        GroupFigures comma = GroupFigures.suppressed("Sales, EMEA", List.of());
        OversightReport report = new OversightReport("week:2026-W48", null, null, null, "department", 0.17, 5,
                List.of(evil, comma), GroupFigures.suppressed(Oversight.EVERYONE, List.of()), List.of(), List.of());

        String csv = OversightCsv.of(report);

        assertTrue(csv.contains("\"'=HYPERLINK(\"\"x\"\")\""), csv);
        assertTrue(csv.contains("\"Sales, EMEA\",true,,,,,"), csv);
    }
}
