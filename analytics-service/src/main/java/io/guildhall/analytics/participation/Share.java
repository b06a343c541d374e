package io.guildhall.analytics.participation;

/**
 * Participation minutes (counted categories only) over work minutes, and where that stands against the target. The
 * value never exceeds 1 (rule 6): the day cap keeps counted minutes within work minutes, and where an organisation
 * counts non-working days the share is still read as at most all of one's work time.
 */
public record Share(long participationMinutes, long workMinutes, Double value, Standing standing) {

    public static Share of(long participationMinutes, long workMinutes, ParticipationRules rules) {
        if (workMinutes <= 0) {
            return new Share(participationMinutes, workMinutes, null, Standing.NO_WORK_TIME);
        }
        double value = Math.min(1.0, (double) participationMinutes / workMinutes);
        Standing standing = value > rules.overParticipationShare() ? Standing.OVER_PARTICIPATION
                : value >= rules.targetShare() ? Standing.AT_OR_ABOVE_TARGET
                : Standing.BELOW_TARGET;
        return new Share(participationMinutes, workMinutes, value, standing);
    }

    public boolean atOrAboveTarget() {
        return standing == Standing.AT_OR_ABOVE_TARGET || standing == Standing.OVER_PARTICIPATION;
    }
}
