package io.guildhall.contracts.membership;

/** Why a membership ended. */
public enum LeaveReason {
    LEFT,
    COMMUNITY_ARCHIVED,
    PERSON_DEACTIVATED,
    PERSON_ERASED
}
