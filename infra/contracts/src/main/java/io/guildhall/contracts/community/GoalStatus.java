package io.guildhall.contracts.community;

/** A goal's derived status; community-service computes it, nobody types it. */
public enum GoalStatus {
    ON_TRACK,
    AT_RISK,
    ACHIEVED,
    OVERDUE,
    MISSED
}
