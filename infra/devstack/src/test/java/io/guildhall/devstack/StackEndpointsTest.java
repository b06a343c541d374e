package io.guildhall.devstack;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class StackEndpointsTest {

    private final StackEndpoints stack = StackEndpoints.defaults();

    @Test
    void a_service_gets_its_own_database_and_the_shared_servers() {
        Map<String, String> env = stack.environment(ServiceSpec.ANALYTICS, ServiceSpec.ALL);

        assertEquals("analytics", env.get("GUILDHALL_DB_NAME"));
        assertEquals("15432", env.get("GUILDHALL_DB_PORT"));
        assertEquals("127.0.0.1:19092", env.get("GUILDHALL_KAFKA_BROKERS"));
        assertEquals("http://127.0.0.1:8180/realms/guildhall", env.get("GUILDHALL_ISSUER"));
        assertEquals("guildhall-api", env.get("GUILDHALL_AUDIENCE"));
        assertEquals("8084", env.get("MICRONAUT_SERVER_PORT"));
        assertEquals("8084", env.get("SERVER_PORT"));
    }

    @Test
    void the_gateway_routes_to_where_the_services_run() {
        ServiceSpec movedCommunity = ServiceSpec.COMMUNITY.onPort(18081);
        Map<String, String> env = stack.environment(ServiceSpec.GATEWAY.onPort(18080),
                java.util.List.of(movedCommunity, ServiceSpec.EVENT, ServiceSpec.MEMBERSHIP, ServiceSpec.ANALYTICS));

        assertFalse(env.containsKey("GUILDHALL_DB_NAME"));
        assertEquals("18080", env.get("SERVER_PORT"));
        assertEquals("http://127.0.0.1:18081", env.get("GUILDHALL_ROUTE_COMMUNITY"));
        assertEquals("http://127.0.0.1:8082", env.get("GUILDHALL_ROUTE_EVENT"));
        assertEquals("http://127.0.0.1:8083", env.get("GUILDHALL_ROUTE_MEMBERSHIP"));
        assertEquals("http://127.0.0.1:8084", env.get("GUILDHALL_ROUTE_ANALYTICS"));
    }
}
