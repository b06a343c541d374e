package io.guildhall.benchmarks.stats;

import java.util.Arrays;

/**
 * Latencies in nanoseconds, kept whole (no histogram buckets) so that percentiles are exact: a benchmark run
 * records at most a few hundred thousand of them. Not thread-safe: one per worker, then {@link #addAll}.
 */
public final class LatencySamples {

    private long[] nanos = new long[1024];
    private int size;

    public void add(long latencyNanos) {
        if (latencyNanos < 0) {
            throw new IllegalArgumentException("A latency cannot be negative: " + latencyNanos);
        }
        if (size == nanos.length) {
            nanos = Arrays.copyOf(nanos, size * 2);
        }
        nanos[size++] = latencyNanos;
    }

    public void addAll(LatencySamples other) {
        for (int i = 0; i < other.size; i++) {
            add(other.nanos[i]);
        }
    }

    public int count() {
        return size;
    }

    /**
     * The nearest-rank percentile: the smallest sample such that at least {@code percent} % of all samples are at
     * or below it (p50 of 1..100 is 50, p99 is 99, p100 the maximum). Always a measured value, never interpolated.
     */
    public long percentileNanos(double percent) {
        if (!(percent > 0 && percent <= 100)) {
            throw new IllegalArgumentException("A percentile is in (0, 100], not " + percent);
        }
        if (size == 0) {
            throw new IllegalStateException("No samples");
        }
        long[] sorted = Arrays.copyOf(nanos, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percent / 100.0 * size);
        return sorted[Math.max(rank, 1) - 1];
    }

    public double percentileMillis(double percent) {
        return percentileNanos(percent) / 1e6;
    }

    public double meanMillis() {
        if (size == 0) {
            throw new IllegalStateException("No samples");
        }
        double sum = 0;
        for (int i = 0; i < size; i++) {
            sum += nanos[i];
        }
        return sum / size / 1e6;
    }
}
