package io.guildhall.contracts.event;

/** Where an event happens: in person (a location), online (a link) or both. */
public enum EventFormat {
    IN_PERSON,
    ONLINE,
    HYBRID
}
