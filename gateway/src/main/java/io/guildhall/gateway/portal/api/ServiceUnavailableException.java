package io.guildhall.gateway.portal.api;

/**
 * A service did not answer in time, refused the connection, failed (5xx) or its circuit breaker is open.
 * Pages show their section's "unavailable" state or the service-unavailable page; never a hang.
 */
public class ServiceUnavailableException extends RuntimeException {

    private final Service service;

    public ServiceUnavailableException(Service service, Throwable cause) {
        super("The " + service.id() + " service is not answering", cause);
        this.service = service;
    }

    public Service service() {
        return service;
    }
}
