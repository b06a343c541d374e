package io.guildhall.gateway.routing;

import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a route's circuit breaker forwards when its service is down, slow or failing, and what a saturated service's
 * queue answers: a 503 problem detail naming the service, with {@code Retry-After}, instead of a hang or a bare
 * connection error.
 */
@RestController
public class ServiceUnavailableController {

    static final String RETRY_AFTER_SECONDS = "5";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @RequestMapping("/fallback/{service}")
    public ResponseEntity<ProblemDetail> unavailable(@PathVariable String service, ServerWebExchange exchange) {
        Throwable cause = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header("Retry-After", RETRY_AFTER_SECONDS)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem(service, cause == null ? null : cause.getClass().getSimpleName()));
    }

    static ProblemDetail problem(String service, String reason) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The " + service + " service is not answering; try again in a moment");
        problem.setType(URI.create("https://guildhall.io/problems/service-unavailable"));
        problem.setTitle("Service unavailable");
        problem.setProperty("service", service);
        if (reason != null) {
            problem.setProperty("reason", reason);
        }
        return problem;
    }

    /** The same answer written straight to a response, for filters that stop a call before routing. */
    static Mono<Void> write(ServerWebExchange exchange, String service, String reason) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        response.setStatusCode(HttpStatus.SERVICE_UNAVAILABLE);
        response.getHeaders().set("Retry-After", RETRY_AFTER_SECONDS);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        ProblemDetail problem = problem(service, reason);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", problem.getType().toString());
        json.put("title", problem.getTitle());
        json.put("status", problem.getStatus());
        json.put("detail", problem.getDetail());
        json.put("instance", exchange.getRequest().getPath().value());
        json.putAll(problem.getProperties());
        DataBuffer body = response.bufferFactory().wrap(JSON.writeValueAsBytes(json));
        return response.writeWith(Mono.just(body));
    }
}
