package io.guildhall.contracts.membership;

/** A member's role in a community. */
public enum MembershipRole {
    MEMBER,
    LEAD
}
