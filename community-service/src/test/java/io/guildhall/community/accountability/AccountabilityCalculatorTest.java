package io.guildhall.community.accountability;

import io.guildhall.community.goal.CheckIn;
import io.guildhall.community.goal.Goal;
import io.guildhall.contracts.community.GoalMetric;
import io.guildhall.contracts.community.GoalStatus;
import io.guildhall.contracts.community.ProgressSource;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class AccountabilityCalculatorTest {

    static final UUID COMMUNITY = UUID.randomUUID();
    static final LocalDate FEB_1 = LocalDate.of(2026, 2, 1);
    static final LocalDate FEB_28 = LocalDate.of(2026, 2, 28);

    static Goal goal(GoalStatus status, LocalDate start) {
        return goal(GoalMetric.MEMBERS, status, start);
    }

    static Goal goal(GoalMetric metric, GoalStatus status, LocalDate start) {
        return new Goal(UUID.randomUUID(), COMMUNITY, "Members", null, metric, null, BigDecimal.ZERO,
                BigDecimal.TEN, new BigDecimal("6"), start, LocalDate.of(2026, 6, 30), "grace", status, "grace",
                Instant.EPOCH, Instant.EPOCH, 3L);
    }

    static CheckIn checkIn(Goal goal, String day, String value, ProgressSource source) {
        return new CheckIn(UUID.randomUUID(), goal.id(), new BigDecimal(value), LocalDate.parse(day), null, source, "grace",
                Instant.parse(day + "T12:00:00Z"));
    }

    @Test
    void a_period_shows_levels_at_its_edges_the_trajectory_inside_it_and_evidence_by_source() {
        Goal goal = goal(GoalStatus.ON_TRACK, LocalDate.of(2026, 1, 1));
        Map<UUID, List<CheckIn>> history = Map.of(goal.id(), List.of(
                checkIn(goal, "2026-02-10", "6", ProgressSource.EVENT_EVIDENCE),
                checkIn(goal, "2026-01-05", "2", ProgressSource.CHECK_IN),
                checkIn(goal, "2026-02-01", "4", ProgressSource.CHECK_IN),
                checkIn(goal, "2026-03-02", "9", ProgressSource.CHECK_IN)));

        AccountabilityReport report = AccountabilityCalculator.report(COMMUNITY, "Guild", FEB_1, FEB_28, 4, List.of(goal), history);

        AccountabilityReport.GoalLine line = report.goals().get(0);
        assertThat(line.valueAtStart()).isEqualByComparingTo("2");
        assertThat(line.valueAtEnd()).isEqualByComparingTo("6");
        assertThat(line.progressInPeriod()).isEqualByComparingTo("0.4");
        assertThat(line.trend()).isEqualTo(AccountabilityReport.Trend.IMPROVING);
        assertThat(line.trajectory()).extracting(AccountabilityReport.Point::value).map(BigDecimal::intValue).containsExactly(4, 6);
        assertThat(line.checkInsInPeriod()).isEqualTo(1);
        assertThat(line.evidenceInPeriod()).isEqualTo(1);
        assertThat(line.lastCheckIn()).isEqualTo(FEB_1);
        assertThat(report.evidence()).containsEntry(ProgressSource.CHECK_IN, 1L).containsEntry(ProgressSource.EVENT_EVIDENCE, 1L);
        assertThat(report.goalsByStatus()).containsEntry(GoalStatus.ON_TRACK, 1L);
        // Feb 1 to Feb 28 is 3 whole weeks: under the 4-week threshold
        assertThat(report.flags()).isEmpty();
    }

    @Test
    void owners_of_open_goals_without_a_person_checking_in_for_the_threshold_are_flagged() {
        Goal open = goal(GoalStatus.AT_RISK, LocalDate.of(2026, 1, 1));
        Goal achieved = goal(GoalStatus.ACHIEVED, LocalDate.of(2026, 1, 1));
        Goal neverCheckedIn = goal(GoalStatus.ON_TRACK, LocalDate.of(2026, 2, 14));
        Goal fromEvents = goal(GoalMetric.SESSIONS_HELD, GoalStatus.AT_RISK, LocalDate.of(2026, 1, 1));
        Map<UUID, List<CheckIn>> history = Map.of(open.id(), List.of(
                checkIn(open, "2026-02-07", "3", ProgressSource.CHECK_IN),
                // event evidence is not the owner checking in
                checkIn(open, "2026-02-27", "5", ProgressSource.EVENT_EVIDENCE)));

        AccountabilityReport report = AccountabilityCalculator.report(COMMUNITY, "Guild", FEB_1, FEB_28, 2,
                List.of(open, achieved, neverCheckedIn, fromEvents), history);

        // open: Feb 7 -> Feb 28 = 3 weeks >= 2; achieved: never flagged; neverCheckedIn: Feb 14 -> Feb 28 = 2 weeks;
        // fromEvents takes no check-ins, so its owner cannot be late with one
        assertThat(report.flags()).extracting(AccountabilityReport.Flag::goalId).containsExactly(open.id(), neverCheckedIn.id());
        assertThat(report.flags().get(0).weeksWithoutCheckIn()).isEqualTo(3);
        assertThat(report.flags().get(1).lastCheckIn()).isNull();

        AccountabilityReport earlier = AccountabilityCalculator.report(COMMUNITY, "Guild", FEB_1, LocalDate.of(2026, 2, 27), 2,
                List.of(neverCheckedIn), Map.of());
        assertThat(earlier.flags()).isEmpty();
    }

    @Test
    void goals_set_after_the_period_are_left_out() {
        Goal later = goal(GoalStatus.ON_TRACK, LocalDate.of(2026, 3, 1));
        AccountabilityReport report = AccountabilityCalculator.report(COMMUNITY, "Guild", FEB_1, FEB_28, 2, List.of(later), Map.of());
        assertThat(report.goals()).isEmpty();
        assertThat(report.flags()).isEmpty();
    }
}
