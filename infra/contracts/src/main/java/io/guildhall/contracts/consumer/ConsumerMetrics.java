package io.guildhall.contracts.consumer;

/**
 * The one counter every consumer (spring-support's and analytics') counts its records in, so that dashboards and
 * the alert rules ({@code infra/observability/prometheus/guildhall-alerts.yml}) cover them all:
 * {@code guildhall_consumer_records_total{consumer, topic, outcome}}.
 */
public final class ConsumerMetrics {

    public static final String RECORDS = "guildhall.consumer.records";
    /** Sent to {@code <topic>.dlt} with the reason. */
    public static final String DEAD_LETTERED = "dead_lettered";
    /** A transient failure: the record is tried again, its partition waits. */
    public static final String FAILED = "failed";

    private ConsumerMetrics() {
    }
}
