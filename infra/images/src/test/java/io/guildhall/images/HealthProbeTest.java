package io.guildhall.images;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The images' health check against a real HTTP server on loopback: up, down, refused, and silent. */
class HealthProbeTest {

    private HttpServer server;
    private volatile int status = 200;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/health", exchange -> {
            byte[] body = (status == 200 ? "{\"status\":\"UP\"}" : "{\"status\":\"DOWN\"}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/silent", exchange -> {
            try {
                Thread.sleep(HealthProbe.TIMEOUT.toMillis() + 2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    @Test
    void healthy_when_the_endpoint_answers_200() {
        assertEquals(0, HealthProbe.check(url("/health")));
    }

    @Test
    void unhealthy_when_the_endpoint_answers_503() {
        status = 503;
        assertEquals(1, HealthProbe.check(url("/health")));
    }

    @Test
    void unhealthy_when_nothing_listens() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        assertEquals(1, HealthProbe.check(URI.create("http://127.0.0.1:" + closed + "/health")));
    }

    @Test
    void unhealthy_when_the_endpoint_does_not_answer_in_time() {
        assertEquals(1, HealthProbe.check(url("/silent")));
    }
}
