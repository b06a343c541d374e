package io.guildhall.analytics.report;

import io.guildhall.testsupport.GuildhallStack;

import java.util.HashMap;
import java.util.Map;

/**
 * The real servers for the report and settings tests, on their own database and consumer group: the consumer tests
 * recreate theirs, and two application contexts in one group would split the topics' partitions between two
 * databases. Each context consumes every topic from the beginning into this database.
 */
public final class ReportStack {

    public static final String DATABASE = "analytics_reports_test";
    public static final String CONSUMER_GROUP = "analytics-reports-test";

    private ReportStack() {
    }

    public static GuildhallStack stack() {
        return Holder.STACK;
    }

    public static Map<String, String> properties() {
        return Holder.PROPERTIES;
    }

    /** The properties with some replaced, e.g. a setting under test. */
    public static Map<String, Object> with(Map<String, String> overrides) {
        Map<String, Object> properties = new HashMap<>(properties());
        properties.putAll(overrides);
        return properties;
    }

    private static final class Holder {
        private static final GuildhallStack STACK = GuildhallStack.shared();
        private static final Map<String, String> PROPERTIES = properties(STACK);

        private static Map<String, String> properties(GuildhallStack stack) {
            stack.freshDatabase(DATABASE);
            return Map.of(
                    "micronaut.server.port", "-1",
                    "datasources.default.url", stack.jdbcUrl(DATABASE),
                    "datasources.default.username", stack.dbUsername(),
                    "datasources.default.password", stack.dbPassword(),
                    "kafka.bootstrap.servers", stack.kafkaBootstrapServers(),
                    "guildhall.issuer", stack.issuerUri(),
                    "guildhall.kafka.consumer-group", CONSUMER_GROUP,
                    "guildhall.kafka.retry-delay", "300ms");
        }
    }
}
