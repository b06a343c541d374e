package io.guildhall.contracts.community;

/** Where a goal's progress value came from. */
public enum ProgressSource {
    /** A lead's check-in. */
    CHECK_IN,
    /** Derived from the event service's events about the community (events held, attendance). */
    EVENT_EVIDENCE
}
