package io.guildhall.contracts.community;

/** What a goal measures. {@code CUSTOM} goals name their own unit and progress only through leads' check-ins. */
public enum GoalMetric {
    SESSIONS_HELD,
    UNIQUE_ATTENDEES,
    HOURS_INVESTED,
    MEMBERS,
    CUSTOM
}
