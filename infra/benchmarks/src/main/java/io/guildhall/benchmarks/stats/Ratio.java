package io.guildhall.benchmarks.stats;

import java.util.Locale;

/**
 * A figure next to its baseline from the same run. The machines are shared and noisy, so absolute figures move from
 * run to run while the ratio of two figures measured under the same conditions moves much less.
 */
public record Ratio(double measured, double baseline) {

    public Ratio {
        if (!(baseline > 0) || !Double.isFinite(baseline)) {
            throw new IllegalArgumentException("A baseline must be positive and finite, not " + baseline);
        }
        if (measured < 0 || !Double.isFinite(measured)) {
            throw new IllegalArgumentException("A measured figure must be non-negative and finite, not " + measured);
        }
    }

    /** measured / baseline: 0.8 is 80 % of the baseline's throughput, or 1.25 times its latency. */
    public double value() {
        return measured / baseline;
    }

    /** measured - baseline, in the figures' unit (ms of overhead, say). */
    public double difference() {
        return measured - baseline;
    }

    /** The relative change in percent: +25.0 for 1.25 times the baseline. */
    public double percentChange() {
        return (value() - 1) * 100;
    }

    /** "1.25x (+25.0 %)". */
    public String describe() {
        return String.format(Locale.ROOT, "%.2fx (%+.1f %%)", value(), percentChange());
    }
}
