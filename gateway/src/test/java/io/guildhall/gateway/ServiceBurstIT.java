package io.guildhall.gateway;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A burst the service can handle never becomes errors: 1,000 callers at once, through the gateway, to a service
 * that takes 50 ms per call and would take them all at once (a real HTTP server on loopback, a thread per call). Every caller gets the service's answer, the service never sees more calls at once than
 * the gateway's limit for it, and the breaker stays closed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ServiceBurstIT {

    static final int CALLERS = 1000;
    static final int LIMIT = 64;
    static final AtomicInteger busy = new AtomicInteger();
    static final AtomicInteger mostAtOnce = new AtomicInteger();
    static final HttpServer SERVICE = busyService();

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) {
        registry.add("GUILDHALL_ROUTE_EVENT", () -> "http://127.0.0.1:" + SERVICE.getAddress().getPort());
        registry.add("guildhall.gateway.limits.max-concurrent", () -> LIMIT);
    }

    @LocalServerPort
    int port;

    @AfterAll
    static void close() {
        SERVICE.stop(0);
    }

    @Test
    void a_thousand_simultaneous_callers_all_get_the_service_answer_and_the_breaker_stays_closed() {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        // Each caller its own bearer token, as 1,000 people would have: the per-person rate limit is not the subject.
        List<CompletableFuture<Integer>> calls = IntStream.range(0, CALLERS)
                .mapToObj(i -> http.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/events/e1/rsvp"))
                                .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer caller-" + i)
                                .header("Content-Type", "application/json")
                                .PUT(HttpRequest.BodyPublishers.ofString("{\"status\":\"GOING\"}")).build(),
                        HttpResponse.BodyHandlers.discarding()).thenApply(HttpResponse::statusCode))
                .toList();
        Map<Integer, Long> statuses = calls.stream().map(CompletableFuture::join)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));

        assertThat(statuses).isEqualTo(Map.of(200, (long) CALLERS));
        assertThat(mostAtOnce.get()).isLessThanOrEqualTo(LIMIT);
        String metrics = get(http, "/actuator/prometheus");
        assertThat(metrics).containsPattern("resilience4j_circuitbreaker_state\\{[^}]*name=\"event\"[^}]*state=\"closed\"[^}]*} 1\\.0");
        assertThat(metrics).containsPattern("guildhall_gateway_service_queued\\{[^}]*service=\"event\"[^}]*} 0\\.0");
    }

    private String get(HttpClient http, String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpServer busyService() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 2000);
            server.setExecutor(Executors.newCachedThreadPool());
            server.createContext("/", exchange -> {
                int now = busy.incrementAndGet();
                mostAtOnce.accumulateAndGet(now, Math::max);
                try {
                    exchange.getRequestBody().readAllBytes();
                    Thread.sleep(50);
                    byte[] body = "{\"status\":\"GOING\"}".getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().set("Content-Type", "application/json");
                    exchange.sendResponseHeaders(200, body.length);
                    exchange.getResponseBody().write(body);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    busy.decrementAndGet();
                    exchange.close();
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
