package io.guildhall.contracts.community;

/** Who may join a community: anyone at once, or after a lead approves the request. */
public enum Visibility {
    OPEN,
    REQUEST_TO_JOIN
}
