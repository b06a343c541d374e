package io.guildhall.support.web;

import io.guildhall.flow.ConcurrencyLimiter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.time.Duration;

/**
 * Bounds the API requests a service instance works on at once, before anything expensive happens to them (token
 * verification, body decoding, the database). The requests beyond wait in a first-come, first-served queue, holding
 * only their connection; a full queue or a wait beyond {@code max-wait} answers {@code 503} problem details with
 * {@code Retry-After}. Without it, a sign-up burst of 5,000 people at once ran event-service out of its 256 MB heap:
 * each request under way holds about 60 KB (security filter chain and its observations, the decoded token, the
 * reactive pipeline), measured from a heap dump (docs/benchmarks.md). Health and metrics are never queued.
 *
 * <p>Settings: {@code guildhall.http.limits.max-concurrent} (128), {@code .max-queued} (10,000) and
 * {@code .max-wait} (15 s, the gateway's response timeout). Gauges {@code guildhall.http.inflight} and
 * {@code guildhall.http.queued}.
 */
public class InFlightLimitWebFilter implements WebFilter, Ordered {

    private final ConcurrencyLimiter limiter;
    private final String retryAfterSeconds;

    public InFlightLimitWebFilter(String service, int maxConcurrent, int maxQueued, Duration maxWait,
                                  MeterRegistry meters) {
        this.limiter = new ConcurrencyLimiter(service, maxConcurrent, maxQueued, maxWait);
        this.retryAfterSeconds = String.valueOf(Math.max(1, maxWait.toSeconds() / 5));
        if (meters != null) {
            Gauge.builder("guildhall.http.inflight", limiter, ConcurrencyLimiter::inFlight)
                    .description("API requests this instance is working on").register(meters);
            Gauge.builder("guildhall.http.queued", limiter, ConcurrencyLimiter::queued)
                    .description("API requests waiting for a slot in this instance").register(meters);
        }
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (exchange.getRequest().getPath().value().startsWith("/actuator/")) {
            return chain.filter(exchange);
        }
        return limiter.run(Mono.defer(() -> chain.filter(exchange)))
                .onErrorResume(ConcurrencyLimiter.SaturatedException.class, saturated -> {
                    exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, retryAfterSeconds);
                    return Problems.write(exchange, Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "saturated",
                            "Service saturated", "Too many requests are waiting; try again in " + retryAfterSeconds
                                    + " s"));
                });
    }

    /** After the trace header (so a refusal carries it), before security and everything else. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }

    ConcurrencyLimiter limiter() {
        return limiter;
    }
}
