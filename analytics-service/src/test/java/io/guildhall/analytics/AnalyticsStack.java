package io.guildhall.analytics;

import io.guildhall.testsupport.GuildhallStack;

import java.util.Map;

/**
 * The real servers of the integration tests, and the properties that point analytics-service at them. One fresh
 * database per test run, shared by the test classes (each class starts its own application context on it).
 */
public final class AnalyticsStack {

    public static final String DATABASE = "analytics_test";
    /** Its own consumer group, so a dev analytics-service on the same broker does not take the test's partitions. */
    public static final String CONSUMER_GROUP = "analytics-service-test";

    private AnalyticsStack() {
    }

    public static GuildhallStack stack() {
        return Holder.STACK;
    }

    public static Map<String, String> properties() {
        return Properties.VALUES;
    }

    /**
     * The properties that point an analytics-service context at a fresh database of this name on the shared stack,
     * consuming in the given group.
     */
    public static Map<String, String> properties(String database, String consumerGroup) {
        GuildhallStack stack = stack();
        stack.freshDatabase(database);
        return Map.of(
                "micronaut.server.port", "-1",
                "datasources.default.url", stack.jdbcUrl(database),
                "datasources.default.username", stack.dbUsername(),
                "datasources.default.password", stack.dbPassword(),
                "kafka.bootstrap.servers", stack.kafkaBootstrapServers(),
                "guildhall.issuer", stack.issuerUri(),
                "guildhall.kafka.consumer-group", consumerGroup,
                "guildhall.kafka.retry-delay", "300ms",
                "guildhall.kafka.handler-attempts", "3");
    }

    private static final class Holder {
        private static final GuildhallStack STACK = GuildhallStack.shared();
    }

    private static final class Properties {
        private static final Map<String, String> VALUES = properties(DATABASE, CONSUMER_GROUP);
    }
}
