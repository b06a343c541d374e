package io.guildhall.support;

import io.guildhall.contracts.CloudEventHeaders;
import io.guildhall.contracts.SchemaValidator;
import io.guildhall.contracts.Topics;
import io.guildhall.contracts.community.CommunityFounded;
import io.guildhall.devstack.KafkaBroker;
import io.guildhall.support.outbox.Outbox;
import io.guildhall.support.outbox.OutboxMetrics;
import io.guildhall.support.testapp.SupportTestApplication;
import io.guildhall.testsupport.GuildhallStack;
import io.guildhall.testsupport.TopicClient;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The outbox against a real PostgreSQL and a Kafka broker of its own, which the test stops and starts
 * to play an outage.
 */
@SpringBootTest(classes = SupportTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = "spring.cloud.function.definition=")
class OutboxRelayIT {

    static final GuildhallStack stack = GuildhallStack.shared();
    static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();
    static final KafkaBroker kafka = stack.startPrivateKafka();
    static final String DATABASE = stack.freshDatabase("support_outbox_test");

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        stack.serviceEnvironment(DATABASE).forEach((name, value) -> registry.add(name, () -> value));
        registry.add("GUILDHALL_KAFKA_BROKERS", kafka::bootstrapServers);
    }

    @AfterAll
    static void stopKafka() {
        kafka.close();
    }

    @Autowired
    Outbox outbox;
    @Autowired
    DatabaseClient db;
    @Autowired
    ReactiveTransactionManager transactionManager;
    @Autowired
    OutboxMetrics metrics;

    @Test
    void an_event_written_while_kafka_is_down_is_retried_past_max_attempts_never_parked_and_delivered_once_kafka_is_back() throws Exception {
        CommunityFounded before = founded("Before the outage");
        double wakeUps = metrics.wakeUps();
        write(before);
        awaitSent(before);
        // The commit notified the relay (LISTEN/NOTIFY), it did not wait for a poll.
        await("the relay is woken by the commit").atMost(Duration.ofSeconds(10)).until(() -> metrics.wakeUps() > wakeUps);

        kafka.stop();
        CommunityFounded during = founded("During the outage");
        write(during);
        // More tries than max-attempts (4): an unreachable broker never parks a row.
        await("the relay has tried and failed five times").atMost(Duration.ofSeconds(60)).until(() -> attempts(during) >= 5);
        assertThat(isSent(during)).isFalse();
        assertThat(isParked(during)).isFalse();
        metrics.forceRefresh().block();
        assertThat(metrics.pending()).isGreaterThanOrEqualTo(1);

        kafka.start();
        awaitSent(during);

        ConsumerRecord<String, byte[]> record = TopicClient.find(kafka.bootstrapServers(), Topics.COMMUNITY,
                r -> r.key().equals(during.communityId().toString()), Duration.ofSeconds(20)).orElseThrow();
        assertThat(TopicClient.header(record, CloudEventHeaders.TYPE)).isEqualTo("guildhall.community.founded.v1");
        assertThat(TopicClient.header(record, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
        assertThat(TopicClient.header(record, CloudEventHeaders.SOURCE)).isEqualTo("/guildhall/support-test");
        assertThat(TopicClient.header(record, CloudEventHeaders.SUBJECT)).isEqualTo(during.communityId().toString());
        assertThat(TopicClient.header(record, CloudEventHeaders.CONTENT_TYPE)).isEqualTo("application/json");
        assertThat(TopicClient.header(record, CloudEventHeaders.TRACEPARENT)).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
        // Raw UTF-8, not JSON-quoted, and no framework headers leak out.
        assertThat(record.headers().lastHeader(CloudEventHeaders.ID).value()[0]).isNotEqualTo((byte) '"');
        assertThat(record.headers().lastHeader("spring_json_header_types")).isNull();
        assertThat(new SchemaValidator().validate("guildhall.community.founded.v1", record.value())).isEmpty();
        assertThat(new String(record.value(), StandardCharsets.UTF_8)).contains("During the outage");
    }

    @Test
    void a_row_the_broker_keeps_rejecting_is_parked_after_the_configured_attempts() {
        // A value beyond the producer's max.request.size (1 MB): the broker can never take it.
        UUID eventId = UUID.randomUUID();
        db.sql("""
                        INSERT INTO guildhall_outbox (event_id, topic, message_key, ce_type, ce_source, ce_time, ce_subject, payload)
                        VALUES (:id, 'guildhall.community.v1', :key, 'guildhall.community.founded.v1', '/test', now(), :key, :payload)""")
                .bind("id", eventId).bind("key", "poison-" + eventId).bind("payload", new byte[2 * 1024 * 1024])
                .then().block();

        await("the poison row is parked").atMost(Duration.ofSeconds(60)).until(() -> Boolean.TRUE.equals(db
                .sql("SELECT parked_at IS NOT NULL AS parked FROM guildhall_outbox WHERE event_id = :id")
                .bind("id", eventId).map(row -> row.get("parked", Boolean.class)).one().block()));
        Integer attempts = db.sql("SELECT attempts FROM guildhall_outbox WHERE event_id = :id").bind("id", eventId)
                .map(row -> row.get("attempts", Integer.class)).one().block();
        assertThat(attempts).isEqualTo(4);
        metrics.forceRefresh().block();
        assertThat(metrics.parked()).isGreaterThanOrEqualTo(1);

        // Rows behind it with other keys still flow; a later row of its own key waits, so order is never broken.
        CommunityFounded after = founded("After the poison");
        write(after);
        UUID sameKey = UUID.randomUUID();
        db.sql("""
                        INSERT INTO guildhall_outbox (event_id, topic, message_key, ce_type, ce_source, ce_time, ce_subject, payload)
                        VALUES (:id, 'guildhall.community.v1', :key, 'guildhall.community.founded.v1', '/test', now(), :key, :payload)""")
                .bind("id", sameKey).bind("key", "poison-" + eventId).bind("payload", "{}".getBytes(StandardCharsets.UTF_8))
                .then().block();
        awaitSent(after);
        assertThat(db.sql("SELECT sent_at IS NULL AS waiting FROM guildhall_outbox WHERE event_id = :id").bind("id", sameKey)
                .map(row -> row.get("waiting", Boolean.class)).one().block()).isTrue();
    }

    @Test
    void a_hot_key_goes_out_in_one_round_in_order() {
        UUID community = UUID.randomUUID();
        java.util.List<CommunityFounded> many = java.util.stream.IntStream.range(0, 300)
                .mapToObj(i -> new CommunityFounded(community, "c-" + community, "Name " + i, "A community", "java", "OPEN",
                        UUID.randomUUID().toString(), Instant.now().truncatedTo(ChronoUnit.MILLIS)))
                .toList();
        TransactionalOperator.create(transactionManager).transactional(outbox.appendAll(many)).block();
        await("all 300 are sent").atMost(Duration.ofSeconds(60)).until(() -> 0L == db.sql(
                        "SELECT count(*) AS n FROM guildhall_outbox WHERE message_key = :key AND sent_at IS NULL")
                .bind("key", community.toString()).map(row -> row.get("n", Long.class)).one().block());
        java.util.List<String> names = TopicClient.awaitKeyed(kafka.bootstrapServers(), Topics.COMMUNITY,
                        community.toString(), found -> found.size() >= 300, Duration.ofSeconds(30)).stream()
                .map(r -> JSON.readTree(r.value()).get("name").asString())
                .toList();
        assertThat(names).containsExactlyElementsOf(many.stream().map(CommunityFounded::name).toList());
    }

    private void write(CommunityFounded event) {
        TransactionalOperator.create(transactionManager).transactional(outbox.append(event)).block();
    }

    private void awaitSent(CommunityFounded event) {
        await(event.name() + " is sent").atMost(Duration.ofSeconds(60)).until(() -> isSent(event));
    }

    private Integer attempts(CommunityFounded event) {
        return db.sql("SELECT attempts FROM guildhall_outbox WHERE message_key = :key").bind("key", event.aggregateId())
                .map(row -> row.get("attempts", Integer.class)).one().block();
    }

    private boolean isParked(CommunityFounded event) {
        return Boolean.TRUE.equals(db.sql("SELECT parked_at IS NOT NULL AS parked FROM guildhall_outbox WHERE message_key = :key")
                .bind("key", event.aggregateId()).map(row -> row.get("parked", Boolean.class)).one().block());
    }

    private boolean isSent(CommunityFounded event) {
        return Boolean.TRUE.equals(db.sql("SELECT sent_at IS NOT NULL AS sent FROM guildhall_outbox WHERE message_key = :key")
                .bind("key", event.aggregateId()).map(row -> row.get("sent", Boolean.class)).one().block());
    }

    static CommunityFounded founded(String name) {
        UUID id = UUID.randomUUID();
        return new CommunityFounded(id, "c-" + id, name, "A community for " + name, "java", "OPEN",
                UUID.randomUUID().toString(), Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }
}
