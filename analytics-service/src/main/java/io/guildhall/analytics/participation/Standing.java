package io.guildhall.analytics.participation;

/** Where a share stands against the target. */
public enum Standing {
    /** No work time in the period (not employed yet, inactive, or only holidays): no share can be computed. */
    NO_WORK_TIME,
    BELOW_TARGET,
    AT_OR_ABOVE_TARGET,
    /** Beyond {@link ParticipationRules#OVER_PARTICIPATION_FACTOR} x the target. */
    OVER_PARTICIPATION
}
