package io.guildhall.benchmarks.scaleout;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The scale-out drill's verdict: a gap is a loss, a step back within one member's reading is disorder. */
class VerdictTest {

    @Test
    void a_key_read_whole_and_in_order_with_the_dead_members_batch_read_again_is_fine() {
        ScaleOutBenchmark.Verdict verdict = ScaleOutBenchmark.Verdict.of(1, new int[] {5},
                Map.of("key-0", List.of(2, 3, 4)), Map.of("key-0", List.of(0, 1, 2)));

        assertEquals(new ScaleOutBenchmark.Verdict(0, 0, 1), verdict);
    }

    @Test
    void a_gap_is_a_loss_and_a_step_back_is_disorder() {
        ScaleOutBenchmark.Verdict verdict = ScaleOutBenchmark.Verdict.of(2, new int[] {4, 2},
                Map.of("key-0", List.of(0, 2, 1), "key-1", List.of(0)), Map.of());

        // key-0 misses 3, key-1 misses 1; key-0 steps back from 2 to 1.
        assertEquals(new ScaleOutBenchmark.Verdict(2, 1, 0), verdict);
    }
}
