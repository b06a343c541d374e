package io.guildhall.support.web;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class InFlightLimitWebFilterTest {

    private final List<Sinks.Empty<Void>> working = new ArrayList<>();
    private final WebFilterChain slowChain = exchange -> {
        Sinks.Empty<Void> done = Sinks.empty();
        working.add(done);
        return done.asMono();
    };

    @Test
    void requests_beyond_the_limit_wait_their_turn_and_a_full_queue_answers503_with_retry_after() {
        InFlightLimitWebFilter filter = new InFlightLimitWebFilter("event-service", 1, 1, Duration.ofSeconds(10), null);
        ServerWebExchange first = exchange("/api/events/1/rsvp");
        ServerWebExchange second = exchange("/api/events/1/rsvp");
        ServerWebExchange third = exchange("/api/events/1/rsvp");

        filter.filter(first, slowChain).subscribe();
        filter.filter(second, slowChain).subscribe();
        assertThat(working).as("only the first is worked on; the second waits").hasSize(1);
        assertThat(filter.limiter().queued()).isEqualTo(1);

        filter.filter(third, slowChain).block(Duration.ofSeconds(5));
        assertThat(third.getResponse().getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(third.getResponse().getHeaders().getFirst("Retry-After")).isEqualTo("2");
        assertThat(third.getResponse().getHeaders().getContentType()).hasToString("application/problem+json");

        working.get(0).tryEmitEmpty();
        assertThat(working).as("the first's end lets the second in").hasSize(2);
        assertThat(filter.limiter().queued()).isZero();
        working.get(1).tryEmitEmpty();
        assertThat(filter.limiter().inFlight()).isZero();
    }

    @Test
    void a_wait_beyond_max_wait_answers503_and_health_is_never_queued() {
        InFlightLimitWebFilter filter = new InFlightLimitWebFilter("event-service", 1, 10, Duration.ofMillis(100), null);
        filter.filter(exchange("/api/events"), slowChain).subscribe();
        ServerWebExchange waiting = exchange("/api/events");
        filter.filter(waiting, slowChain).block(Duration.ofSeconds(5));
        assertThat(waiting.getResponse().getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(working).hasSize(1);

        ServerWebExchange health = exchange("/actuator/health");
        filter.filter(health, slowChain).subscribe();
        assertThat(working).as("health goes straight through while the API is busy").hasSize(2);
    }

    private static ServerWebExchange exchange(String path) {
        return MockServerWebExchange.from(MockServerHttpRequest.put(path).build());
    }
}
