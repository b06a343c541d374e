package io.guildhall.analytics.messaging;

/** What happened to one consumed record. */
public enum ConsumeOutcome {
    /** Recorded as processed and applied to the read model. */
    APPLIED,
    /** Its event id was processed before: nothing changed. */
    DUPLICATE,
    /** A valid event of a type this service does not need. */
    IGNORED,
    /** Not a valid Guildhall CloudEvent: sent to the topic's dead-letter topic. */
    DEAD_LETTERED
}
