package io.guildhall.gateway.routing;

import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import java.net.URI;

/**
 * Where a route's circuit breaker forwards when its service is down, slow or failing: a 503 problem
 * detail naming the service, instead of a hang or a bare connection error.
 */
@RestController
public class ServiceUnavailableController {

    @RequestMapping("/fallback/{service}")
    public ResponseEntity<ProblemDetail> unavailable(@PathVariable String service, ServerWebExchange exchange) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The " + service + " service is not answering; try again in a moment");
        problem.setType(URI.create("https://guildhall.io/problems/service-unavailable"));
        problem.setTitle("Service unavailable");
        problem.setProperty("service", service);
        Throwable cause = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        if (cause != null) {
            problem.setProperty("reason", cause.getClass().getSimpleName());
        }
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header("Retry-After", "5")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
