package io.guildhall.contracts.event;

/** A person's answer to an event, as the event service holds it. */
public enum RsvpStatus {
    GOING,
    WAITLISTED,
    NOT_GOING
}
