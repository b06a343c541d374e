package io.guildhall.analytics.messaging;

import io.guildhall.analytics.AnalyticsStack;
import io.micronaut.test.support.TestPropertyProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;

/**
 * What the ingest tests share: analytics-service on the shared stack's test database, a producer for every
 * Guildhall topic, and the read model's rows to look at.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class IngestTestBase implements TestPropertyProvider {

    protected GuildhallTopics topics;
    protected final ReadModelRows db = new ReadModelRows(AnalyticsStack.DATABASE);

    @Override
    public Map<String, String> getProperties() {
        return AnalyticsStack.properties();
    }

    @BeforeAll
    void connect() {
        topics = new GuildhallTopics(AnalyticsStack.stack().kafkaBootstrapServers());
    }

    @AfterAll
    void disconnect() {
        topics.close();
    }
}
