package io.guildhall.support.web;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Guards the Reactor Netty version the services run on: a keep-alive connection must go on reading after a request
 * that was queued behind an unfinished one is answered at once (reactor-netty#4361). On 1.3.6 the third request
 * below is never read, which is how refused POSTs followed by the next request hung for 30 s in our tests.
 */
class KeepAliveConnectionTest {

    @Test
    void a_keep_alive_connection_answers_the_request_after_a_queued_one_that_completed_at_once() throws IOException {
        DisposableServer server = HttpServer.create().host("127.0.0.1").port(0)
                .handle((request, response) -> response.sendString(request.uri().equals("/slow")
                        ? Mono.delay(Duration.ofMillis(50)).thenReturn("ok")
                        : Mono.just("ok")))
                .bindNow(Duration.ofSeconds(5));
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(3000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write((get("/slow") + get("/fast")).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(readResponse(in)).startsWith("HTTP/1.1 200");
            assertThat(readResponse(in)).startsWith("HTTP/1.1 200");

            out.write(get("/third").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(readResponse(in)).as("the third request on the connection is answered").startsWith("HTTP/1.1 200");
        } finally {
            server.disposeNow();
        }
    }

    private static String get(String path) {
        return "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    }

    /** One chunked response ("ok" in a single chunk), read up to its last chunk; empty when nothing came in time. */
    private static String readResponse(InputStream in) throws IOException {
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        try {
            while (!seen.toString(StandardCharsets.US_ASCII).endsWith("\r\n0\r\n\r\n")
                    && !endsAfterContentLength(seen.toString(StandardCharsets.US_ASCII))) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                seen.write(b);
            }
        } catch (SocketTimeoutException timedOut) {
            return seen.toString(StandardCharsets.US_ASCII);
        }
        return seen.toString(StandardCharsets.US_ASCII);
    }

    private static boolean endsAfterContentLength(String response) {
        int headersEnd = response.indexOf("\r\n\r\n");
        if (headersEnd < 0) {
            return false;
        }
        String headers = response.substring(0, headersEnd).toLowerCase();
        int at = headers.indexOf("content-length:");
        if (at < 0) {
            return false;
        }
        int lineEnd = headers.indexOf("\r\n", at);
        int length = Integer.parseInt(headers.substring(at + 15, lineEnd < 0 ? headers.length() : lineEnd).trim());
        return response.length() - headersEnd - 4 >= length;
    }
}
