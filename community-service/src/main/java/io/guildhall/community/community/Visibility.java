package io.guildhall.community.community;

/** Who may join: anyone at once, or after a lead approves the request. */
public enum Visibility {
    OPEN, REQUEST_TO_JOIN
}
