package io.guildhall.flow;

import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * At most {@code maxConcurrent} calls to one service at a time; the calls beyond wait in a first-come, first-served
 * queue of at most {@code maxQueued}, each for at most {@code maxWait}. A burst the service can handle is then
 * smoothed instead of refused: callers wait a little longer, nobody gets an error. Only a full queue or a wait
 * beyond {@code maxWait} (the service really is saturated) ends in {@link SaturatedException}. Non-blocking: a
 * waiting call holds no thread.
 */
public final class ConcurrencyLimiter {

    /** The service cannot take the call now: its queue is full or the wait ran out. */
    public static final class SaturatedException extends RuntimeException {
        SaturatedException(String message) {
            super(message, null, false, false);
        }
    }

    private static final int WAITING = 0;
    private static final int GRANTED = 1;
    private static final int GAVE_UP = 2;

    /** A slot, given back once however many paths try (the call's end, a cancel racing the grant). */
    private final class Permit {
        private final AtomicBoolean released = new AtomicBoolean();

        Mono<Void> release() {
            return Mono.fromRunnable(this::releaseNow);
        }

        void releaseNow() {
            if (released.compareAndSet(false, true)) {
                handOn();
            }
        }
    }

    private final class Waiter {
        final AtomicInteger state = new AtomicInteger(WAITING);
        final MonoSink<Permit> sink;
        final Permit permit = new Permit();

        Waiter(MonoSink<Permit> sink) {
            this.sink = sink;
        }
    }

    private final String service;
    private final int maxConcurrent;
    private final int maxQueued;
    private final Duration maxWait;
    private final Queue<Waiter> queue = new ArrayDeque<>();
    private int inFlight;
    private int queued;

    public ConcurrencyLimiter(String service, int maxConcurrent, int maxQueued, Duration maxWait) {
        this.service = service;
        this.maxConcurrent = maxConcurrent;
        this.maxQueued = maxQueued;
        this.maxWait = maxWait;
    }

    /** Runs the call once a slot is free; the slot is given back when the call ends, fails or is cancelled. */
    public <T> Mono<T> run(Mono<T> call) {
        return Mono.usingWhen(acquire(), permit -> call, Permit::release, (permit, error) -> permit.release(),
                Permit::release);
    }

    public synchronized int inFlight() {
        return inFlight;
    }

    public synchronized int queued() {
        return queued;
    }

    private Mono<Permit> acquire() {
        return Mono.create(sink -> {
            Waiter waiter;
            synchronized (this) {
                if (inFlight < maxConcurrent) {
                    inFlight++;
                    waiter = null;
                } else if (queued >= maxQueued) {
                    sink.error(new SaturatedException(service + ": " + queued + " calls already waiting"));
                    return;
                } else {
                    waiter = new Waiter(sink);
                    queue.add(waiter);
                    queued++;
                }
            }
            if (waiter == null) {
                sink.success(new Permit());
                return;
            }
            Disposable deadline = Schedulers.parallel().schedule(() -> {
                if (giveUp(waiter)) {
                    sink.error(new SaturatedException(service + ": no free slot within " + maxWait));
                }
            }, maxWait.toMillis(), TimeUnit.MILLISECONDS);
            sink.onCancel(() -> {
                deadline.dispose();
                if (!giveUp(waiter)) {
                    // The slot was granted as the caller went away: the caller never got it, so give it back.
                    waiter.permit.releaseNow();
                }
            });
            sink.onDispose(deadline);
        });
    }

    /** The waiter leaves the queue, unless it was granted its slot first. */
    private boolean giveUp(Waiter waiter) {
        if (!waiter.state.compareAndSet(WAITING, GAVE_UP)) {
            return false;
        }
        synchronized (this) {
            if (queue.remove(waiter)) {
                queued--;
            }
        }
        return true;
    }

    /** A slot ends: the longest waiting caller gets it, or it becomes free. */
    private void handOn() {
        while (true) {
            Waiter next;
            synchronized (this) {
                next = queue.poll();
                if (next == null) {
                    inFlight--;
                    return;
                }
                queued--;
            }
            if (next.state.compareAndSet(WAITING, GRANTED)) {
                next.sink.success(next.permit);
                return;
            }
        }
    }
}
