package io.guildhall.devstack;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * One of the five services: its module (and jar) name, dev port, database and health path.
 *
 * @param database the service's own database, empty for the gateway
 */
public record ServiceSpec(String module, int port, Optional<String> database, String healthPath) {

    public static final ServiceSpec COMMUNITY =
            new ServiceSpec("community-service", 8081, Optional.of("community"), "/actuator/health");
    public static final ServiceSpec EVENT =
            new ServiceSpec("event-service", 8082, Optional.of("event"), "/actuator/health");
    public static final ServiceSpec MEMBERSHIP =
            new ServiceSpec("membership-service", 8083, Optional.of("membership"), "/actuator/health");
    public static final ServiceSpec ANALYTICS =
            new ServiceSpec("analytics-service", 8084, Optional.of("analytics"), "/health");
    public static final ServiceSpec GATEWAY =
            new ServiceSpec("gateway", 8080, Optional.empty(), "/actuator/health");

    /** In start order; the gateway last, as it is what users open. */
    public static final List<ServiceSpec> ALL = List.of(COMMUNITY, EVENT, MEMBERSHIP, ANALYTICS, GATEWAY);

    public static ServiceSpec named(String module) {
        return ALL.stream().filter(s -> s.module.equals(module)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("No service " + module + "; known: "
                        + ALL.stream().map(ServiceSpec::module).toList()));
    }

    public ServiceSpec onPort(int otherPort) {
        return new ServiceSpec(module, otherPort, database, healthPath);
    }

    /** The same service with another database, e.g. a fresh one per e2e test run. */
    public ServiceSpec withDatabase(String otherDatabase) {
        return new ServiceSpec(module, port, Optional.of(otherDatabase), healthPath);
    }

    public String baseUrl() {
        return "http://" + Ports.HOST + ":" + port;
    }

    public String healthUrl() {
        return baseUrl() + healthPath;
    }
}
