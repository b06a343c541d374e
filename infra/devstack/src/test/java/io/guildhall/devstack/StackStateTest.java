package io.guildhall.devstack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StackStateTest {

    @TempDir
    Path root;

    @Test
    void a_recorded_component_runs_only_while_its_port_accepts_connections() throws IOException {
        GuildhallHome home = GuildhallHome.at(root);
        int port;
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getByName(Ports.HOST))) {
            port = server.getLocalPort();
            StackState.record(home, new StackState.Component("kafka", port, 11, 22));

            StackState.Component kafka = StackState.read(home).running("kafka").orElseThrow();
            assertEquals(new StackState.Component("kafka", port, 11, 22), kafka);
        }
        assertTrue(StackState.read(home).component("kafka").isPresent());
        assertFalse(StackState.read(home).running("kafka").isPresent());
    }

    @Test
    void only_the_owning_launcher_forgets_a_component() {
        GuildhallHome home = GuildhallHome.at(root);
        StackState.record(home, new StackState.Component("keycloak", 8180, 5, 100));

        StackState.forget(home, "keycloak", 200);
        assertTrue(StackState.read(home).component("keycloak").isPresent());

        StackState.forget(home, "keycloak", 100);
        assertFalse(StackState.read(home).component("keycloak").isPresent());
    }

    @Test
    void the_stack_has_endpoints_only_when_all_three_servers_run() throws IOException {
        GuildhallHome home = GuildhallHome.at(root);
        try (ServerSocket pg = listen(); ServerSocket kafka = listen(); ServerSocket kc = listen()) {
            StackState.record(home, new StackState.Component(StackState.POSTGRES, pg.getLocalPort(), 1, 9));
            StackState.record(home, new StackState.Component(StackState.KAFKA, kafka.getLocalPort(), 2, 9));
            assertFalse(StackState.read(home).endpoints().isPresent());

            StackState.record(home, new StackState.Component(StackState.KEYCLOAK, kc.getLocalPort(), 3, 9));
            StackEndpoints endpoints = StackState.read(home).endpoints().orElseThrow();
            assertEquals("127.0.0.1:" + kafka.getLocalPort(), endpoints.kafkaBootstrapServers());
            assertEquals("http://127.0.0.1:" + kc.getLocalPort() + "/realms/guildhall", endpoints.issuer());
        }
    }

    private static ServerSocket listen() throws IOException {
        return new ServerSocket(0, 1, InetAddress.getByName(Ports.HOST));
    }
}
