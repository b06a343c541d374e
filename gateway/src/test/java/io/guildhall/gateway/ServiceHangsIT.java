package io.guildhall.gateway;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;

/**
 * A service that accepts connections but never answers (hung, or stuck in a long GC) costs the caller the route's
 * timeout and then a 503 problem detail, never a hang. The dead service is a real listening socket that nobody
 * reads: the kernel completes the TCP handshake and the request sits unanswered, as with a hung JVM.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ServiceHangsIT {

    static final ServerSocket HUNG_SERVICE = listenWithoutAnswering();

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) {
        registry.add("GUILDHALL_ROUTE_EVENT", () -> "http://127.0.0.1:" + HUNG_SERVICE.getLocalPort());
        registry.add("spring.cloud.gateway.server.webflux.httpclient.response-timeout", () -> "2s");
    }

    @LocalServerPort
    int port;

    @AfterAll
    static void close() throws IOException {
        HUNG_SERVICE.close();
    }

    @Test
    void a_service_that_never_answers_yields_503_problem_details_after_the_route_timeout() {
        // Far above the 2-3 s route timeout: only a gateway that waits for ever fails this.
        WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).responseTimeout(Duration.ofSeconds(20)).build()
                .get().uri("/api/events").header("Authorization", "Bearer any-caller").exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().exists("Retry-After")
                .expectBody()
                .jsonPath("$.status").isEqualTo(503)
                .jsonPath("$.service").isEqualTo("event");
    }

    private static ServerSocket listenWithoutAnswering() {
        try {
            return new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
