package io.guildhall.gateway.portal.api;

/** The services the portal calls; the name is also the circuit breaker's, shared with the API route's. */
public enum Service {
    COMMUNITY("community"),
    EVENT("event"),
    MEMBERSHIP("membership"),
    ANALYTICS("analytics");

    private final String id;

    Service(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
