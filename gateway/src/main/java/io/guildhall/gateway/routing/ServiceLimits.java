package io.guildhall.gateway.routing;

import io.guildhall.flow.ConcurrencyLimiter;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One {@link ConcurrencyLimiter} per service, shared by its API routes ({@link ServiceLimitGatewayFilterFactory})
 * and the portal's calls to it, so that a burst queues in front of the service instead of piling onto it or being
 * refused. Gauges {@code guildhall.gateway.service.inflight} and {@code guildhall.gateway.service.queued} per service.
 */
@Component
public class ServiceLimits {

    private final Map<String, ConcurrencyLimiter> limiters = new ConcurrentHashMap<>();
    private final MeterRegistry registry;
    private final int maxConcurrent;
    private final int maxQueued;
    private final Duration maxWait;

    public ServiceLimits(MeterRegistry registry,
                         @Value("${guildhall.gateway.limits.max-concurrent:128}") int maxConcurrent,
                         @Value("${guildhall.gateway.limits.max-queued:10000}") int maxQueued,
                         @Value("${guildhall.gateway.limits.max-wait:${spring.cloud.gateway.server.webflux.httpclient.response-timeout:15s}}")
                         Duration maxWait) {
        this.registry = registry;
        this.maxConcurrent = maxConcurrent;
        this.maxQueued = maxQueued;
        this.maxWait = maxWait;
    }

    public <T> Mono<T> limit(String service, Mono<T> call) {
        return limiter(service).run(call);
    }

    public ConcurrencyLimiter limiter(String service) {
        return limiters.computeIfAbsent(service, name -> {
            ConcurrencyLimiter limiter = new ConcurrencyLimiter(name, maxConcurrent, maxQueued, maxWait);
            Gauge.builder("guildhall.gateway.service.inflight", limiter, ConcurrencyLimiter::inFlight)
                    .tag("service", name).description("Calls to the service under way").register(registry);
            Gauge.builder("guildhall.gateway.service.queued", limiter, ConcurrencyLimiter::queued)
                    .tag("service", name).description("Calls waiting for a slot to the service").register(registry);
            return limiter;
        });
    }
}
