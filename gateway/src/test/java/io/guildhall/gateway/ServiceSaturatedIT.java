package io.guildhall.gateway;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service that really cannot keep up: once its slots and its queue are full, the next caller gets a 503 problem
 * with {@code Retry-After} at once (reason {@code saturated}) rather than waiting for nothing. Here one slot and one
 * place in the queue, in front of a service that never answers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ServiceSaturatedIT {

    static final ServerSocket HUNG_SERVICE = listenWithoutAnswering();

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) {
        registry.add("GUILDHALL_ROUTE_EVENT", () -> "http://127.0.0.1:" + HUNG_SERVICE.getLocalPort());
        registry.add("spring.cloud.gateway.server.webflux.httpclient.response-timeout", () -> "5s");
        registry.add("guildhall.gateway.limits.max-concurrent", () -> 1);
        registry.add("guildhall.gateway.limits.max-queued", () -> 1);
    }

    @LocalServerPort
    int port;

    @AfterAll
    static void close() throws IOException {
        HUNG_SERVICE.close();
    }

    @Test
    void beyond_the_slots_and_the_queue_a_caller_gets_503_with_retry_after_at_once() throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        CompletableFuture<HttpResponse<String>> inFlight = http.sendAsync(request("a"), HttpResponse.BodyHandlers.ofString());
        Thread.sleep(300);
        CompletableFuture<HttpResponse<String>> queued = http.sendAsync(request("b"), HttpResponse.BodyHandlers.ofString());
        Thread.sleep(300);

        long begin = System.nanoTime();
        HttpResponse<String> refused = http.send(request("c"), HttpResponse.BodyHandlers.ofString());
        double seconds = (System.nanoTime() - begin) / 1e9;

        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).contains("5");
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(refused.body()).contains("\"service\":\"event\"").contains("\"reason\":\"saturated\"").contains("\"status\":503");
        // Refused at once, not after the 5 s the others wait for the hung service.
        assertThat(seconds).isLessThan(4);
        assertThat(inFlight.get().statusCode()).isEqualTo(503);
        assertThat(queued.get().statusCode()).isEqualTo(503);
    }

    private HttpRequest request(String caller) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/events"))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer caller-" + caller).GET().build();
    }

    private static ServerSocket listenWithoutAnswering() {
        try {
            return new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
