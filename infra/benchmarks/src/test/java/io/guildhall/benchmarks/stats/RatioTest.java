package io.guildhall.benchmarks.stats;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RatioTest {

    @Test
    void a_gateway_at_800_requests_per_second_against_1000_direct_keeps_80_percent() {
        Ratio throughput = new Ratio(800, 1000);
        assertEquals(0.8, throughput.value(), 1e-12);
        assertEquals(-200, throughput.difference(), 1e-12);
        assertEquals(-20.0, throughput.percentChange(), 1e-9);
        assertEquals("0.80x (-20.0 %)", throughput.describe());
    }

    @Test
    void a_p99_of_5_ms_against_4_ms_is_one_ms_or_25_percent_more() {
        Ratio latency = new Ratio(5.0, 4.0);
        assertEquals(1.25, latency.value(), 1e-12);
        assertEquals(1.0, latency.difference(), 1e-12);
        assertEquals("1.25x (+25.0 %)", latency.describe());
    }

    @Test
    void a_baseline_must_be_positive_and_figures_finite() {
        assertThrows(IllegalArgumentException.class, () -> new Ratio(1, 0));
        assertThrows(IllegalArgumentException.class, () -> new Ratio(1, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new Ratio(Double.POSITIVE_INFINITY, 1));
        assertThrows(IllegalArgumentException.class, () -> new Ratio(-1, 1));
    }

    @Test
    void throughput_is_a_count_over_an_interval_and_the_median_ignores_one_outlier() {
        assertEquals(20_000.0, Throughput.perSecond(20_000, 1_000_000_000L), 1e-9);
        assertEquals(500.0, Throughput.perSecond(1_000, 2_000_000_000L), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> Throughput.perSecond(1, 0));
        assertEquals(110.0, Throughput.median(100, 900, 110), 1e-12);
        assertEquals(105.0, Throughput.median(100, 110, 900, 10), 1e-12);
    }
}
