package io.guildhall.contracts.membership;

/** A lead's answer to a request to join. */
public enum RequestDecision {
    APPROVED,
    DECLINED
}
