package io.guildhall.gateway;

import io.guildhall.devstack.Ports;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;

/** A service that is not running answers 503 problem details through the gateway, quickly and with a request id. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ServiceDownIT {

    // A port nothing listens on: the community service is down.
    static final int CLOSED_PORT = Ports.free();

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) {
        registry.add("GUILDHALL_ROUTE_COMMUNITY", () -> "http://127.0.0.1:" + CLOSED_PORT);
        registry.add("guildhall.gateway.rate-limit.burst", () -> 5);
        registry.add("guildhall.gateway.rate-limit.per-second", () -> 0.01);
    }

    @LocalServerPort
    int port;

    @Test
    void a_request_to_a_service_that_is_down_gets_503_problem_details() {
        // The client gives up after 30 s: a hang fails the test.
        WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).responseTimeout(Duration.ofSeconds(30)).build()
                .get().uri("/api/communities").exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().exists("Retry-After")
                .expectHeader().exists("X-Request-Id")
                .expectBody()
                .jsonPath("$.status").isEqualTo(503)
                .jsonPath("$.service").isEqualTo("community");
    }

    @Test
    void a_caller_over_the_rate_limit_gets_429_problem_details_and_others_are_unaffected() {
        WebTestClient client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
        // The limit is per caller: this bearer token spends its burst of 5 (see the test properties)...
        for (int i = 0; i < 5; i++) {
            client.get().uri("/api/communities").header("Authorization", "Bearer caller-a").exchange()
                    .expectStatus().isEqualTo(503);
        }
        client.get().uri("/api/communities").header("Authorization", "Bearer caller-a").exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().exists("Retry-After")
                .expectBody().jsonPath("$.status").isEqualTo(429);
        // ...while another caller still gets through to the (down) service.
        client.get().uri("/api/communities").header("Authorization", "Bearer caller-b").exchange()
                .expectStatus().isEqualTo(503);
    }

    @Test
    void a_sane_request_id_from_the_caller_is_kept() {
        WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build()
                .get().uri("/api/communities").header("X-Request-Id", "abc12345-from-client").exchange()
                .expectHeader().valueEquals("X-Request-Id", "abc12345-from-client");
    }
}
