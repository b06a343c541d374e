package io.guildhall.contracts.membership;

/** How a person came to be a member. */
public enum JoinRoute {
    OPEN_JOIN,
    REQUEST_APPROVED,
    FOUNDED,
    LEAD_ASSIGNED
}
