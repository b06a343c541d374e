package io.guildhall.benchmarks.stats;

/** Things per second over a measured interval. */
public final class Throughput {

    private Throughput() {
    }

    public static double perSecond(long count, long elapsedNanos) {
        if (elapsedNanos <= 0) {
            throw new IllegalArgumentException("An interval must be positive, not " + elapsedNanos + " ns");
        }
        if (count < 0) {
            throw new IllegalArgumentException("A count cannot be negative: " + count);
        }
        return count * 1e9 / elapsedNanos;
    }

    /** The median of a few repeated measurements: one disturbed repetition does not move it. */
    public static double median(double... values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("No values");
        }
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
