package io.guildhall.support.security;

import io.guildhall.support.web.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;


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

    private static Mono<Void> write(ServerWebExchange exchange, ProblemDetail problem) {
        return Problems.write(exchange, problem);
    }
}
