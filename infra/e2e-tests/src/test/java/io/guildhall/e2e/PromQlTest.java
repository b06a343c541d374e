package io.guildhall.e2e;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The metric names in an alert's or a panel's query, and nothing else: no labels, functions, groupings or numbers. */
class PromQlTest {

    @Test
    void only_the_metrics_are_left() {
        assertEquals(java.util.Set.of("guildhall_consumer_records_total"), PromQl.metricNames(
                "sum by (job, consumer, topic) (increase(guildhall_consumer_records_total{outcome=\"dead_lettered\"}[15m])) > 0"));
        assertEquals(java.util.Set.of("resilience4j_circuitbreaker_state"),
                PromQl.metricNames("max by (name, state) (resilience4j_circuitbreaker_state)"));
        assertEquals(java.util.Set.of("x_seconds_bucket"),
                PromQl.metricNames("histogram_quantile(0.95, sum by (le) (rate(x_seconds_bucket{job=~\"a|b\"}[5m])))"));
        assertEquals(java.util.Set.of("a_total", "b_pending"),
                PromQl.metricNames("sum(increase(a_total[1h])) / on (job) max(b_pending) > 300"));
    }
}
