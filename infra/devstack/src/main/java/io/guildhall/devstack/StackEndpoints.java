package io.guildhall.devstack;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Where the servers of a running stack listen, and the environment a service needs to use them. */
public record StackEndpoints(int postgresPort, int kafkaPort, int keycloakPort) {

    public static final String AUDIENCE = "guildhall-api";

    public static StackEndpoints defaults() {
        return new StackEndpoints(Postgres.DEFAULT_PORT, KafkaBroker.DEFAULT_PORT, Keycloak.DEFAULT_PORT);
    }

    public String kafkaBootstrapServers() {
        return Ports.HOST + ":" + kafkaPort;
    }

    public String keycloakUrl() {
        return Keycloak.url(keycloakPort);
    }

    public String issuer() {
        return Keycloak.issuer(keycloakPort);
    }

    public String jdbcUrl(String database) {
        return Postgres.jdbcUrl(postgresPort, database);
    }

    /**
     * The variables that point a service at these servers, with {@code database} as its own; tests of a
     * service in-process register them as properties.
     */
    public Map<String, String> serverEnvironment(java.util.Optional<String> database) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("GUILDHALL_DB_HOST", Ports.HOST);
        env.put("GUILDHALL_DB_PORT", String.valueOf(postgresPort));
        database.ifPresent(db -> env.put("GUILDHALL_DB_NAME", db));
        env.put("GUILDHALL_DB_USERNAME", Postgres.USERNAME);
        env.put("GUILDHALL_DB_PASSWORD", Postgres.PASSWORD);
        env.put("GUILDHALL_KAFKA_BROKERS", kafkaBootstrapServers());
        env.put("GUILDHALL_ISSUER", issuer());
        env.put("GUILDHALL_AUDIENCE", AUDIENCE);
        // The dev stack's servers and realm carry the repository's development secrets: the services run in the
        // dev profile, which allows them (SafeDefaults), and the portal is served over plain HTTP on loopback.
        env.put("GUILDHALL_PROFILE", "dev");
        env.put("GUILDHALL_SESSION_COOKIE_SECURE", "false");
        return env;
    }

    /**
     * The variables every service reads (see the shared conventions), for {@code service} on its
     * port, with the gateway's routes pointing at {@code routes}.
     */
    public Map<String, String> environment(ServiceSpec service, List<ServiceSpec> routes) {
        Map<String, String> env = serverEnvironment(service.database());
        env.put("SERVER_PORT", String.valueOf(service.port()));
        env.put("MICRONAUT_SERVER_PORT", String.valueOf(service.port()));
        for (ServiceSpec route : routes) {
            String key = switch (route.module()) {
                case "community-service" -> "GUILDHALL_ROUTE_COMMUNITY";
                case "event-service" -> "GUILDHALL_ROUTE_EVENT";
                case "membership-service" -> "GUILDHALL_ROUTE_MEMBERSHIP";
                case "analytics-service" -> "GUILDHALL_ROUTE_ANALYTICS";
                default -> null;
            };
            if (key != null) {
                env.put(key, route.baseUrl());
            }
        }
        return env;
    }
}
