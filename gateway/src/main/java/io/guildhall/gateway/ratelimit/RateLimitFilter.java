package io.guildhall.gateway.ratelimit;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Per-caller rate limit on the API routes: one token bucket per signed-in person, per bearer token (other
 * systems), or per address for anonymous calls. A refused call gets 429 problem details with Retry-After.
 */
@Component
@EnableConfigurationProperties(RateLimitProperties.class)
public class RateLimitFilter implements GlobalFilter, Ordered {

    private static final long IDLE_NANOS = 10L * 60 * 1_000_000_000L;

    private final RateLimitProperties properties;
    private final LongSupplier clock;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    private final AtomicLong calls = new AtomicLong();

    public RateLimitFilter(RateLimitProperties properties) {
        this.properties = properties;
        this.clock = System::nanoTime;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        if (!properties.enabled() || !exchange.getRequest().getPath().value().startsWith("/api/")) {
            return chain.filter(exchange);
        }
        return caller(exchange).flatMap(key -> {
            long now = clock.getAsLong();
            forgetIdleCallers(now);
            TokenBucket bucket = buckets.computeIfAbsent(key,
                    k -> new TokenBucket(properties.burst(), properties.perSecond(), now));
            return bucket.tryTake(now) ? chain.filter(exchange) : refuse(exchange.getResponse(), bucket.secondsUntilNextToken(now));
        });
    }

    private Mono<String> caller(ServerWebExchange exchange) {
        String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (authorization != null && !authorization.isBlank()) {
            return Mono.just("token:" + sha256(authorization));
        }
        String address = exchange.getRequest().getRemoteAddress() == null ? "unknown"
                : exchange.getRequest().getRemoteAddress().getAddress().getHostAddress();
        return exchange.getPrincipal()
                .filter(OAuth2AuthenticationToken.class::isInstance)
                .map(principal -> "person:" + principal.getName())
                .defaultIfEmpty("address:" + address);
    }

    private void forgetIdleCallers(long now) {
        if (calls.incrementAndGet() % 1000 == 0) {
            buckets.values().removeIf(bucket -> now - bucket.lastUsedNanos() > IDLE_NANOS);
        }
    }

    private static Mono<Void> refuse(ServerHttpResponse response, long retryAfterSeconds) {
        response.setStatusCode(HttpStatus.TOO_MANY_REQUESTS);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfterSeconds));
        String body = "{\"type\":\"https://guildhall.io/problems/rate-limited\",\"title\":\"Too many requests\","
                + "\"status\":429,\"detail\":\"Slow down: try again in " + retryAfterSeconds + " s\"}";
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body.getBytes(StandardCharsets.UTF_8))));
    }

    private static String sha256(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public int getOrder() {
        // After the request id, before routing and the circuit breakers.
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }
}
