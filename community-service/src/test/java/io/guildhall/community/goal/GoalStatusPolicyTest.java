package io.guildhall.community.goal;

import io.guildhall.contracts.community.GoalStatus;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** Hand-worked examples: a 100-day goal from 2026-01-01 to 2026-04-11, baseline 0, target 10, unless said otherwise. */
class GoalStatusPolicyTest {

    static final LocalDate START = LocalDate.of(2026, 1, 1);
    static final LocalDate DUE = LocalDate.of(2026, 4, 11);
    static final LocalDate DAY_50 = START.plusDays(50);

    static GoalStatus status(String current, LocalDate today) {
        return GoalStatusPolicy.evaluate(BigDecimal.ZERO, BigDecimal.TEN, new BigDecimal(current), START, DUE, today);
    }

    @Test
    void a_new_goal_at_its_baseline_is_on_track() {
        assertThat(status("0", START)).isEqualTo(GoalStatus.ON_TRACK);
    }

    @Test
    void half_way_through_time_a_gap_of_exactly_twenty_points_is_still_on_track() {
        // elapsed 50/100 = 0.50, progress 3/10 = 0.30, gap 0.20: not more than 0.20
        assertThat(status("3", DAY_50)).isEqualTo(GoalStatus.ON_TRACK);
    }

    @Test
    void half_way_through_time_a_gap_just_over_twenty_points_is_at_risk() {
        // progress 2.99/10 = 0.299, gap 0.201
        assertThat(status("2.99", DAY_50)).isEqualTo(GoalStatus.AT_RISK);
    }

    @Test
    void early_on_no_progress_is_fine_but_later_it_is_at_risk() {
        assertThat(status("0", START.plusDays(20))).isEqualTo(GoalStatus.ON_TRACK);  // gap 0.20
        assertThat(status("0", START.plusDays(21))).isEqualTo(GoalStatus.AT_RISK);   // gap 0.21
    }

    @Test
    void reaching_the_target_is_achieved_even_before_the_due_date_and_after_it() {
        assertThat(status("10", START.plusDays(1))).isEqualTo(GoalStatus.ACHIEVED);
        assertThat(status("12", DUE.plusDays(30))).isEqualTo(GoalStatus.ACHIEVED);
        assertThat(status("9.99", DUE)).isEqualTo(GoalStatus.ON_TRACK); // not achieved; gap 1 - 0.999 = 0.001
    }

    @Test
    void on_the_due_day_itself_all_time_has_elapsed() {
        // elapsed 1.0, progress 0.80: gap exactly 0.20
        assertThat(status("8", DUE)).isEqualTo(GoalStatus.ON_TRACK);
        assertThat(status("7.9", DUE)).isEqualTo(GoalStatus.AT_RISK);
    }

    @Test
    void past_the_due_date_it_is_overdue_for_fourteen_days_then_missed() {
        assertThat(status("9", DUE.plusDays(1))).isEqualTo(GoalStatus.OVERDUE);
        assertThat(status("9", DUE.plusDays(14))).isEqualTo(GoalStatus.OVERDUE);
        assertThat(status("9", DUE.plusDays(15))).isEqualTo(GoalStatus.MISSED);
    }

    @Test
    void a_goal_that_aims_down_measures_progress_towards_its_lower_target() {
        // baseline 10, target 2: value 6 is half way (0.5); at day 50 gap 0 -> on track; value 9 -> 0.125, gap 0.375
        assertThat(GoalStatusPolicy.evaluate(BigDecimal.TEN, new BigDecimal("2"), new BigDecimal("6"), START, DUE, DAY_50))
                .isEqualTo(GoalStatus.ON_TRACK);
        assertThat(GoalStatusPolicy.evaluate(BigDecimal.TEN, new BigDecimal("2"), new BigDecimal("9"), START, DUE, DAY_50))
                .isEqualTo(GoalStatus.AT_RISK);
        assertThat(GoalStatusPolicy.evaluate(BigDecimal.TEN, new BigDecimal("2"), new BigDecimal("1"), START, DUE, DAY_50))
                .isEqualTo(GoalStatus.ACHIEVED);
    }

    @Test
    void going_backwards_below_the_baseline_is_negative_progress() {
        assertThat(GoalStatusPolicy.progress(BigDecimal.ZERO, BigDecimal.TEN, new BigDecimal("-1"))).isEqualByComparingTo("-0.1");
        // day 10: elapsed 0.10 - progress -0.10 = gap 0.20; day 11: gap 0.21
        assertThat(status("-1", START.plusDays(10))).isEqualTo(GoalStatus.ON_TRACK);
        assertThat(status("-1", START.plusDays(11))).isEqualTo(GoalStatus.AT_RISK);
    }

    @Test
    void a_goal_due_on_its_start_day_counts_all_time_as_elapsed() {
        assertThat(GoalStatusPolicy.elapsed(START, START, START)).isEqualByComparingTo("1");
        assertThat(GoalStatusPolicy.elapsed(START, DUE, START.minusDays(3))).isEqualByComparingTo("0");
    }
}
