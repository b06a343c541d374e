package io.guildhall.benchmarks.stats;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LatencySamplesTest {

    @Test
    void nearest_rank_percentiles_of_one_to_a_hundred_are_the_samples_themselves() {
        LatencySamples samples = new LatencySamples();
        // Added in reverse so that sorting matters.
        for (int i = 100; i >= 1; i--) {
            samples.add(i * 1_000_000L);
        }
        assertEquals(100, samples.count());
        assertEquals(50_000_000L, samples.percentileNanos(50));
        assertEquals(99_000_000L, samples.percentileNanos(99));
        assertEquals(100_000_000L, samples.percentileNanos(100));
        assertEquals(1_000_000L, samples.percentileNanos(0.5));
        assertEquals(50.5, samples.meanMillis(), 1e-9);
    }

    @Test
    void a_small_sample_has_its_maximum_as_p99_and_p50_rounds_up_to_a_measured_value() {
        LatencySamples samples = new LatencySamples();
        for (long ms : new long[] {7, 3, 5, 40}) {
            samples.add(ms * 1_000_000L);
        }
        // 4 samples: rank ceil(0.5 * 4) = 2 -> 5 ms (no interpolation between 5 and 7); ceil(0.99 * 4) = 4 -> 40 ms.
        assertEquals(5.0, samples.percentileMillis(50), 1e-9);
        assertEquals(40.0, samples.percentileMillis(99), 1e-9);
    }

    @Test
    void samples_of_several_workers_are_pooled_beyond_the_initial_capacity() {
        LatencySamples pooled = new LatencySamples();
        for (int worker = 0; worker < 3; worker++) {
            LatencySamples own = new LatencySamples();
            for (int i = 0; i < 1000; i++) {
                own.add(worker * 1000L + i);
            }
            pooled.addAll(own);
        }
        assertEquals(3000, pooled.count());
        assertEquals(1499L, pooled.percentileNanos(50));
        assertEquals(2999L, pooled.percentileNanos(100));
    }

    @Test
    void refuses_what_is_no_percentile_or_no_sample() {
        LatencySamples samples = new LatencySamples();
        assertThrows(IllegalStateException.class, () -> samples.percentileNanos(50));
        samples.add(1);
        assertThrows(IllegalArgumentException.class, () -> samples.percentileNanos(0));
        assertThrows(IllegalArgumentException.class, () -> samples.percentileNanos(100.1));
        assertThrows(IllegalArgumentException.class, () -> samples.add(-1));
    }
}
