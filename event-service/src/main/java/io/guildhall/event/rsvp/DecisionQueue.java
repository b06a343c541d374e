package io.guildhall.event.rsvp;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;

/**
 * One queue per event for the requests that change its seats. A single drainer per event takes every request waiting
 * (up to {@code maxBatch}) and hands them to the decider as one batch, in arrival order; requests that arrive while a
 * batch is being decided form the next batch. So a burst of answers costs one lock wait and one commit per batch
 * instead of one per answer, and no request holds a database connection while it waits for the event's lock.
 *
 * <p>The decider gets the batch and must complete every request's {@link Request#result() result}; if it fails as a
 * whole, every request of the batch fails with its error. Lanes are kept per event (a few dozen bytes each).
 */
final class DecisionQueue<R, V> {

    private static final Logger log = LoggerFactory.getLogger(DecisionQueue.class);

    /** A request in the queue and where its answer goes. */
    record Request<R, V>(R request, Sinks.One<V> result) {
    }

    private final Map<UUID, Lane<R, V>> lanes = new ConcurrentHashMap<>();
    private final BiFunction<UUID, List<Request<R, V>>, Mono<Void>> decider;
    private final int maxBatch;

    DecisionQueue(BiFunction<UUID, List<Request<R, V>>, Mono<Void>> decider, int maxBatch) {
        this.decider = decider;
        this.maxBatch = maxBatch;
    }

    /** Queues the request for its event; the returned Mono completes once its batch has committed. */
    Mono<V> submit(UUID key, R request) {
        return Mono.defer(() -> {
            Sinks.One<V> result = Sinks.one();
            Lane<R, V> lane = lanes.computeIfAbsent(key, k -> new Lane<>());
            lane.queue.add(new Request<>(request, result));
            kick(key, lane);
            return result.asMono();
        });
    }

    private void kick(UUID key, Lane<R, V> lane) {
        if (lane.draining.compareAndSet(false, true)) {
            drain(key, lane);
        }
    }

    private void drain(UUID key, Lane<R, V> lane) {
        List<Request<R, V>> batch = new ArrayList<>();
        Request<R, V> next;
        while (batch.size() < maxBatch && (next = lane.queue.poll()) != null) {
            batch.add(next);
        }
        if (batch.isEmpty()) {
            lane.draining.set(false);
            // A request queued between the poll and the reset would otherwise wait for the next submit.
            if (!lane.queue.isEmpty()) {
                kick(key, lane);
            }
            return;
        }
        Mono.defer(() -> decider.apply(key, batch))
                .doOnError(error -> batch.forEach(r -> r.result().tryEmitError(error)))
                .doFinally(signal -> {
                    // Whatever the decider left unanswered must not hang its caller.
                    batch.forEach(r -> r.result().tryEmitError(new IllegalStateException("The request was not decided")));
                    drain(key, lane);
                })
                .subscribe(ignored -> { }, error -> log.debug("A batch of {} decisions for {} failed: {}",
                        batch.size(), key, error.toString()));
    }

    private static final class Lane<R, V> {
        final Queue<Request<R, V>> queue = new ConcurrentLinkedQueue<>();
        final AtomicBoolean draining = new AtomicBoolean();
    }
}
