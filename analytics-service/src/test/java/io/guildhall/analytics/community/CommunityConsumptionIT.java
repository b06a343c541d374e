package io.guildhall.analytics.community;

import io.guildhall.analytics.AnalyticsStack;
import io.guildhall.analytics.HttpCalls;
import io.guildhall.analytics.messaging.CommunityTopic;
import io.guildhall.analytics.messaging.BatchConsumer;
import io.guildhall.contracts.CloudEventHeaders;
import io.guildhall.contracts.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Community events from a real Kafka broker into the read model in a real PostgreSQL, read with real tokens. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommunityConsumptionIT implements TestPropertyProvider {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    MeterRegistry meters;

    private CommunityTopic topic;
    private HttpCalls http;
    private String graceToken;

    @Override
    public Map<String, String> getProperties() {
        return AnalyticsStack.properties();
    }

    @BeforeAll
    void connect() {
        topic = new CommunityTopic(AnalyticsStack.stack().kafkaBootstrapServers());
        http = new HttpCalls(URI.create(server.getURL().toString() + "/"), json);
        graceToken = AnalyticsStack.stack().accessToken("grace");
    }

    @AfterAll
    void disconnect() {
        topic.close();
    }

    @Test
    void a_founded_community_is_served_from_the_read_model() {
        UUID id = UUID.randomUUID();

        sendFounded(id, CommunityTopic.foundedHeaders(id), "Kotlin Guild");

        Map<String, Object> community = awaitCommunity(id);
        assertEquals(id.toString(), community.get("id"));
        assertEquals("Kotlin Guild", community.get("name"));
        assertEquals("c-" + id, community.get("slug"));
        assertEquals("java", community.get("practiceArea"));
        assertEquals("OPEN", community.get("visibility"));
        assertEquals("grace-sub", community.get("foundedBy"));
        assertEquals(Instant.parse("2026-03-02T09:15:00Z"), Instant.parse((String) community.get("foundedAt")));
        assertEquals(Instant.parse("2026-03-02T09:15:01Z"), Instant.parse((String) community.get("updatedAt")));
    }

    @Test
    void a_redelivered_event_is_applied_once() throws SQLException {
        UUID id = UUID.randomUUID();
        CloudEventHeaders headers = CommunityTopic.foundedHeaders(id);
        sendFounded(id, headers, "Scala Guild");
        Map<String, Object> first = awaitCommunity(id);
        double duplicatesBefore = count("duplicate");

        sendFounded(id, headers, "Scala Guild");
        UUID later = UUID.randomUUID();
        sendFounded(later, CommunityTopic.foundedHeaders(later), "Later Guild");
        awaitCommunity(later);

        // The two records may sit on different partitions, consumed in any order: wait for the duplicate itself.
        await(() -> count("duplicate") > duplicatesBefore, "the redelivery was seen and skipped");
        assertEquals(Optional.of(first), community(id), "the redelivery changed nothing");
        assertEquals(1, processedRows(headers.id()));
        assertEquals(1, version(id), "the event was applied once");
    }

    @Test
    void invalid_messages_are_dead_lettered_and_consumption_goes_on() {
        UUID badJson = UUID.randomUUID();
        UUID noType = UUID.randomUUID();
        UUID schemaInvalid = UUID.randomUUID();
        byte[] truncated = "{\"communityId\": \"".getBytes(StandardCharsets.UTF_8);
        Map<String, byte[]> withoutType = CommunityTopic.foundedHeaders(noType).toKafkaHeaders();
        withoutType.remove(CloudEventHeaders.TYPE);
        byte[] secretVisibility = new String(CommunityTopic.foundedJson(schemaInvalid, "Hidden Guild"),
                StandardCharsets.UTF_8).replace("\"OPEN\"", "\"SECRET\"").getBytes(StandardCharsets.UTF_8);

        topic.send(badJson.toString(), CommunityTopic.foundedHeaders(badJson).toKafkaHeaders(), truncated);
        topic.send(noType.toString(), withoutType, CommunityTopic.foundedJson(noType, "Untyped Guild"));
        topic.send(schemaInvalid.toString(), CommunityTopic.foundedHeaders(schemaInvalid).toKafkaHeaders(),
                secretVisibility);
        UUID valid = UUID.randomUUID();
        sendFounded(valid, CommunityTopic.foundedHeaders(valid), "Valid After Bad");

        awaitCommunity(valid);
        assertDeadLettered(badJson, truncated, "not JSON");
        assertDeadLettered(noType, CommunityTopic.foundedJson(noType, "Untyped Guild"), CloudEventHeaders.TYPE);
        assertDeadLettered(schemaInvalid, secretVisibility, "visibility");
        assertTrue(community(schemaInvalid).isEmpty(), "the schema-invalid community was not stored");
    }

    @Test
    void a_database_failure_is_retried_not_dead_lettered() throws SQLException {
        UUID id = UUID.randomUUID();
        CloudEventHeaders headers = CommunityTopic.foundedHeaders(id);
        double failuresBefore = count("failed");
        double deadLettersBefore = count("dead_lettered");

        execute("ALTER TABLE community RENAME TO community_offline");
        try {
            sendFounded(id, headers, "Resilient Guild");
            await(() -> count("failed") >= failuresBefore + 2, "the consumer failed and retried");
            assertEquals(0, processedRows(headers.id()), "the failed attempt left no processed-event row");
        } finally {
            execute("ALTER TABLE community_offline RENAME TO community");
        }

        assertEquals("Resilient Guild", awaitCommunity(id).get("name"));
        assertEquals(1, processedRows(headers.id()));
        assertEquals(deadLettersBefore, count("dead_lettered"), "nothing was dead-lettered");
    }

    private void sendFounded(UUID id, CloudEventHeaders headers, String name) {
        topic.send(id.toString(), headers.toKafkaHeaders(), CommunityTopic.foundedJson(id, name));
    }

    private void assertDeadLettered(UUID key, byte[] value, String reasonMentions) {
        ConsumerRecord<String, byte[]> deadLetter = topic.awaitDeadLetter(key.toString(), WAIT)
                .orElseGet(() -> fail("no dead letter with key " + key));
        assertArrayEquals(value, deadLetter.value(), "the original value");
        String reason = CommunityTopic.header(deadLetter, CloudEventHeaders.DEAD_LETTER_REASON);
        assertTrue(reason != null && reason.contains(reasonMentions), "reason names the problem: " + reason);
        assertEquals(BatchConsumer.CONSUMER,
                CommunityTopic.header(deadLetter, CloudEventHeaders.DEAD_LETTER_CONSUMER));
        assertEquals(key.toString(), CommunityTopic.header(deadLetter, CloudEventHeaders.SUBJECT),
                "the original headers travel along");
    }

    // The list is the one endpoint an employee reads: one community's figures are the leads' and executives' report.
    private Map<String, Object> awaitCommunity(UUID id) {
        await(() -> community(id).isPresent(), "community " + id + " is served");
        return community(id).orElseThrow();
    }

    private Optional<Map<String, Object>> community(UUID id) {
        HttpResponse<String> response = http.get("api/analytics/communities", graceToken);
        assertEquals(200, response.statusCode(), response.body());
        return http.array(response).stream().filter(c -> id.toString().equals(c.get("id"))).findFirst();
    }

    /** This topic's count: every topic has its own counter per outcome, and find(...).counter() would pick any. */
    private double count(String outcome) {
        Counter counter = meters.find(BatchConsumer.RECORDS_METRIC).tag("topic", Topics.COMMUNITY)
                .tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    private static void await(BooleanSupplier condition, String what) {
        Awaitility.await(what).atMost(WAIT).until(condition::getAsBoolean);
    }

    private static int processedRows(String eventId) throws SQLException {
        return queryInt("SELECT count(*) FROM processed_event WHERE consumer = ? AND event_id = ?",
                BatchConsumer.CONSUMER, eventId);
    }

    private static int version(UUID id) throws SQLException {
        return queryInt("SELECT version FROM community WHERE id = ?::uuid", id.toString());
    }

    private static int queryInt(String sql, String... parameters) throws SQLException {
        try (Connection connection = openDatabase(); PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setString(i + 1, parameters[i]);
            }
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getInt(1) : -1;
            }
        }
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = openDatabase(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static Connection openDatabase() throws SQLException {
        return DriverManager.getConnection(AnalyticsStack.stack().jdbcUrl(AnalyticsStack.DATABASE),
                AnalyticsStack.stack().dbUsername(), AnalyticsStack.stack().dbPassword());
    }
}
