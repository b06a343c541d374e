package io.guildhall.community.goal;

import io.guildhall.contracts.community.GoalStatus;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Derives a goal's status; nobody types it. Evaluated in this order:
 * <ol>
 *   <li>{@code ACHIEVED}: the current value has reached the target (progress &ge; 1), whenever that happened.</li>
 *   <li>{@code MISSED}: not achieved, and more than {@value #GRACE_DAYS} days past the due date.</li>
 *   <li>{@code OVERDUE}: not achieved, past the due date, within those {@value #GRACE_DAYS} days (a late check-in
 *       can still report the goal achieved).</li>
 *   <li>{@code AT_RISK}: progress is behind elapsed time by more than {@code AT_RISK_GAP} (0.20), i.e.
 *       {@code elapsed - progress > 0.20}, where progress = (current - baseline) / (target - baseline) and
 *       elapsed = days since the start / days from start to due date (the due day itself counts as fully elapsed).</li>
 *   <li>{@code ON_TRACK} otherwise.</li>
 * </ol>
 * Progress is signed, so goals that aim to go down (target below baseline) work the same way.
 */
public final class GoalStatusPolicy {

    public static final int GRACE_DAYS = 14;
    public static final BigDecimal AT_RISK_GAP = new BigDecimal("0.20");
    private static final int SCALE = 6;

    private GoalStatusPolicy() {
    }

    public static GoalStatus evaluate(BigDecimal baseline, BigDecimal target, BigDecimal current,
                                      LocalDate start, LocalDate due, LocalDate today) {
        BigDecimal progress = progress(baseline, target, current);
        if (progress.compareTo(BigDecimal.ONE) >= 0) {
            return GoalStatus.ACHIEVED;
        }
        if (today.isAfter(due.plusDays(GRACE_DAYS))) {
            return GoalStatus.MISSED;
        }
        if (today.isAfter(due)) {
            return GoalStatus.OVERDUE;
        }
        return elapsed(start, due, today).subtract(progress).compareTo(AT_RISK_GAP) > 0 ? GoalStatus.AT_RISK : GoalStatus.ON_TRACK;
    }

    /** Share of the way from baseline to target; 0 at the baseline, 1 at the target, may be negative or above 1. */
    public static BigDecimal progress(BigDecimal baseline, BigDecimal target, BigDecimal current) {
        return current.subtract(baseline).divide(target.subtract(baseline), SCALE, RoundingMode.HALF_EVEN);
    }

    /** Share of the goal's time that has passed, between 0 and 1. */
    public static BigDecimal elapsed(LocalDate start, LocalDate due, LocalDate today) {
        long total = ChronoUnit.DAYS.between(start, due);
        if (total <= 0 || !today.isBefore(due)) {
            return BigDecimal.ONE;
        }
        long passed = Math.max(0, ChronoUnit.DAYS.between(start, today));
        return BigDecimal.valueOf(passed).divide(BigDecimal.valueOf(total), SCALE, RoundingMode.HALF_EVEN);
    }
}
