package io.guildhall.benchmarks.gateway;

import io.guildhall.benchmarks.stats.LatencySamples;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * A fixed number of callers, each sending its next request as soon as the previous answer is in (a closed loop, as
 * a page's API calls are), for a fixed time. Every answer's latency is kept; answers other than {@code expected}
 * count as errors and are not in the latencies.
 */
public final class ClosedLoopLoad {

    /** What one load step measured; {@code elapsedNanos} runs from the common start to the last caller's end. */
    public record Result(LatencySamples latencies, long errors, String firstError, long elapsedNanos) {
    }

    private ClosedLoopLoad() {
    }

    public static Result run(HttpClient http, Supplier<HttpRequest> requests, int expected, int concurrency,
                             Duration duration) {
        List<LatencySamples> perCaller = new ArrayList<>();
        AtomicLong errors = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        CountDownLatch ready = new CountDownLatch(concurrency);
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> callers = new ArrayList<>();
        long[] window = new long[1];
        for (int i = 0; i < concurrency; i++) {
            LatencySamples own = new LatencySamples();
            perCaller.add(own);
            Thread caller = new Thread(() -> {
                ready.countDown();
                awaitQuietly(go);
                long end = window[0];
                while (System.nanoTime() < end) {
                    HttpRequest request = requests.get();
                    long sent = System.nanoTime();
                    try {
                        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        long took = System.nanoTime() - sent;
                        if (response.statusCode() == expected) {
                            own.add(took);
                        } else {
                            errors.incrementAndGet();
                            firstError.compareAndSet(null, "HTTP " + response.statusCode() + " "
                                    + new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                        firstError.compareAndSet(null, e.toString());
                        if (e instanceof InterruptedException) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                    }
                }
            }, "load-" + i);
            caller.setDaemon(true);
            callers.add(caller);
            caller.start();
        }
        awaitQuietly(ready);
        long start = System.nanoTime();
        window[0] = start + duration.toNanos();
        go.countDown();
        for (Thread caller : callers) {
            try {
                caller.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted", e);
            }
        }
        long elapsed = System.nanoTime() - start;
        LatencySamples all = new LatencySamples();
        perCaller.forEach(all::addAll);
        return new Result(all, errors.get(), firstError.get(), elapsed);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}
