package io.guildhall.support.security;

import io.guildhall.support.web.Problems;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;

/** 401 and 403 from the security filters as problem details, like every other error. */
final class ProblemDetailsSecurityHandlers {

    private ProblemDetailsSecurityHandlers() {
    }

    static ServerAuthenticationEntryPoint unauthorized() {
        return (exchange, e) -> {
            exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            return write(exchange, Problems.of(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized",
                    "A valid bearer token is required"));
        };
    }

    static ServerAccessDeniedHandler forbidden() {
        return (exchange, e) -> write(exchange, Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                "You may not do this"));
    }

    /**
     * Reads and discards the request body first: a refusal is written before any handler consumed the body, and the
     * connection stays usable for the client's next request only once the body is read. (The intermittent 30 s
     * timeouts after a refused POST were Reactor Netty's keep-alive bug, see KeepAliveConnectionTest.)
     */
    private static Mono<Void> write(ServerWebExchange exchange, ProblemDetail problem) {
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
