package io.guildhall.contracts.event;

/** How an attendance was recorded: by the organiser, or by the attendee with the event's check-in code. */
public enum CheckInMethod {
    ORGANISER,
    SELF_CODE
}
