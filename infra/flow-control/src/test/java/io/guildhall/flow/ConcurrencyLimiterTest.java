package io.guildhall.flow;

import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConcurrencyLimiterTest {

    @Test
    void calls_beyond_the_limit_wait_their_turn_first_come_first_served() {
        ConcurrencyLimiter limiter = new ConcurrencyLimiter("event", 1, 10, Duration.ofSeconds(5));
        Sinks.One<String> first = Sinks.one();
        List<String> started = new CopyOnWriteArrayList<>();
        limiter.run(first.asMono().doOnSubscribe(s -> started.add("first"))).subscribe();
        limiter.run(Mono.fromSupplier(() -> started.add("second"))).subscribe();
        limiter.run(Mono.fromSupplier(() -> started.add("third"))).subscribe();
        assertThat(limiter.inFlight()).isEqualTo(1);
        assertThat(limiter.queued()).isEqualTo(2);
        assertThat(started).containsExactly("first");

        first.tryEmitValue("done");
        assertThat(started).containsExactly("first", "second", "third");
        assertThat(limiter.inFlight()).isZero();
        assertThat(limiter.queued()).isZero();
    }

    @Test
    void a_full_queue_refuses_at_once() {
        ConcurrencyLimiter limiter = new ConcurrencyLimiter("event", 1, 1, Duration.ofSeconds(5));
        limiter.run(Mono.never()).subscribe();
        limiter.run(Mono.never()).subscribe();
        assertThatThrownBy(() -> limiter.run(Mono.just("x")).block(Duration.ofSeconds(1)))
                .isInstanceOf(ConcurrencyLimiter.SaturatedException.class).hasMessageContaining("already waiting");
    }

    @Test
    void a_wait_beyond_the_limit_ends_saturated_and_leaves_the_queue() {
        ConcurrencyLimiter limiter = new ConcurrencyLimiter("event", 1, 10, Duration.ofMillis(100));
        limiter.run(Mono.never()).subscribe();
        assertThatThrownBy(() -> limiter.run(Mono.just("x")).block(Duration.ofSeconds(2)))
                .isInstanceOf(ConcurrencyLimiter.SaturatedException.class).hasMessageContaining("no free slot");
        assertThat(limiter.queued()).isZero();
        assertThat(limiter.inFlight()).isEqualTo(1);
    }

    @Test
    void cancelled_calls_give_their_slot_or_their_place_back() {
        ConcurrencyLimiter limiter = new ConcurrencyLimiter("event", 1, 10, Duration.ofSeconds(5));
        Disposable running = limiter.run(Mono.never()).subscribe();
        Disposable waiting = limiter.run(Mono.never()).subscribe();
        assertThat(limiter.queued()).isEqualTo(1);
        waiting.dispose();
        assertThat(limiter.queued()).isZero();
        running.dispose();
        assertThat(limiter.inFlight()).isZero();
        assertThat(limiter.run(Mono.just("free again")).block(Duration.ofSeconds(1))).isEqualTo("free again");
    }

    @Test
    void a_failed_call_gives_its_slot_back() {
        ConcurrencyLimiter limiter = new ConcurrencyLimiter("event", 1, 10, Duration.ofSeconds(5));
        assertThatThrownBy(() -> limiter.run(Mono.error(new IllegalStateException("boom"))).block())
                .hasMessage("boom");
        assertThat(limiter.inFlight()).isZero();
    }
}
