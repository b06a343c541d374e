package io.guildhall.contracts.community;

/** What made a goal's derived status change. */
public enum GoalStatusChangeCause {
    /** A lead's check-in reported progress. */
    CHECK_IN,
    /** Progress derived from the event service's events. */
    EVENT_EVIDENCE,
    /** The goal's target, baseline or due date was edited. */
    GOAL_UPDATED,
    /** Time passed: the scheduled check found the goal behind schedule or past its due date. */
    TIME_PASSED
}
