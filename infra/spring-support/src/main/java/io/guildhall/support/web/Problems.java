package io.guildhall.support.web;

import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** RFC 9457 problem details with Guildhall's problem types. */
public final class Problems {

    public static final String TYPE_BASE = "https://guildhall.io/problems/";

    private Problems() {
    }

    public static ProblemDetail of(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + type));
        problem.setTitle(title);
        return problem;
    }

    /** A 400 naming each offending field: {@code errors: [{field, message}]}. */
    public static ProblemDetail invalid(List<Map<String, String>> errors) {
        String detail = errors.stream().map(e -> e.get("field") + ": " + e.get("message"))
                .reduce((a, b) -> a + "; " + b).orElse("Invalid request");
        ProblemDetail problem = of(HttpStatus.BAD_REQUEST, "validation", "Invalid request", detail);
        problem.setProperty("errors", errors);
        return problem;
    }

    public static Map<String, String> fieldError(String field, String message) {
        return Map.of("field", field, "message", message);
    }

    /**
     * Writes a problem from outside the handlers (a web filter: security, the in-flight limit). Reads and discards
     * the request body first: a refusal is written before any handler consumed the body, and the connection stays
     * usable for the client's next request only once the body is read. (The intermittent 30 s timeouts after a
     * refused POST were Reactor Netty's keep-alive bug, see KeepAliveConnectionTest.)
     */
    public static Mono<Void> write(ServerWebExchange exchange, ProblemDetail problem) {
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(HttpStatus.valueOf(problem.getStatus()));
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        String json = "{\"type\":\"" + problem.getType() + "\",\"title\":\"" + problem.getTitle() + "\",\"status\":"
                + problem.getStatus() + ",\"detail\":\"" + problem.getDetail() + "\"}";
        return exchange.getRequest().getBody()
                .doOnNext(DataBufferUtils::release)
                .onErrorComplete()
                .then(Mono.defer(() -> response.writeWith(
                        Mono.just(response.bufferFactory().wrap(json.getBytes(StandardCharsets.UTF_8))))));
    }
}
