package io.guildhall.event.event;

public enum EventStatus {
    SCHEDULED,
    CANCELLED,
    COMPLETED
}
