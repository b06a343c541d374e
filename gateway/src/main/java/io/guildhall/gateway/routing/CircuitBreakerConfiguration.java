package io.guildhall.gateway.routing;

import io.guildhall.gateway.security.SignInUnavailableException;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

/**
 * One circuit breaker per service (the route's {@code name}), shared with the portal's calls to it.
 * <ul>
 *   <li>The time limiter is the routes' response timeout ({@code httpclient.response-timeout}, 15 s): one limit,
 *   whichever speaks first says the same thing.</li>
 *   <li>It opens on failures: errors, refused connections, timeouts, in at least half of the last 50 calls (and at
 *   least 20 calls). A call that is merely slow counts only beyond {@code slow-call} (10 s), and only when 80 % of
 *   the calls are that slow: a burst the service is working through never opens it.</li>
 *   <li>Open for 10 s, then a few trial calls. Its state is the metric {@code resilience4j.circuitbreaker.state}.</li>
 * </ul>
 * Time spent queueing for a slot ({@link ServiceLimits}) is outside the breaker and never counts against the service,
 * nor does a session's token that could not be refreshed because Keycloak was away ({@link SignInUnavailableException}).
 */
@Configuration
public class CircuitBreakerConfiguration {

    @Bean
    Customizer<ReactiveResilience4JCircuitBreakerFactory> serviceCircuitBreakers(
            @Value("${guildhall.gateway.call-timeout:${spring.cloud.gateway.server.webflux.httpclient.response-timeout:15s}}")
            Duration callTimeout,
            @Value("${guildhall.gateway.slow-call:10s}") Duration slowCall) {
        return factory -> factory.configureDefault(id -> new Resilience4JConfigBuilder(id)
                .timeLimiterConfig(TimeLimiterConfig.custom().timeoutDuration(callTimeout).build())
                .circuitBreakerConfig(CircuitBreakerConfig.custom()
                        .slidingWindowSize(50)
                        .minimumNumberOfCalls(20)
                        .failureRateThreshold(50)
                        .slowCallDurationThreshold(slowCall)
                        .slowCallRateThreshold(80)
                        .waitDurationInOpenState(Duration.ofSeconds(10))
                        .permittedNumberOfCallsInHalfOpenState(5)
                        // Keycloak away when a session's token needed a refresh: not the service's failure.
                        .ignoreExceptions(SignInUnavailableException.class)
                        .build())
                .build());
    }
}
