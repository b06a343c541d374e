package io.guildhall.analytics.messaging;

import io.guildhall.analytics.AnalyticsStack;
import io.guildhall.contracts.CloudEventHeaders;
import io.guildhall.contracts.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.configuration.kafka.ConsumerRegistry;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Future;

import static io.guildhall.analytics.messaging.ReadModelRows.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A polled batch goes through one transaction: records are sent while the listener is paused, so that they come back
 * in one poll, all on partition 0 of the community topic (one partition's order is what the consumer keeps).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BatchIngestIT implements TestPropertyProvider {

    private static final byte[] NOT_JSON = "{\"communityId\": \"".getBytes(StandardCharsets.UTF_8);

    @Inject
    ConsumerRegistry consumers;
    @Inject
    MeterRegistry meters;

    private final ReadModelRows db = new ReadModelRows(AnalyticsStack.DATABASE);
    private KafkaProducer<String, byte[]> producer;
    private CommunityTopic topic;

    @Override
    public Map<String, String> getProperties() {
        return AnalyticsStack.properties();
    }

    @BeforeAll
    void connect() {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, AnalyticsStack.stack().kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
        topic = new CommunityTopic(AnalyticsStack.stack().kafkaBootstrapServers());
    }

    @AfterAll
    void disconnect() {
        producer.close(Duration.ofSeconds(5));
        topic.close();
    }

    @Test
    void a_batch_is_one_transaction_and_its_redelivery_changes_nothing() {
        List<UUID> ids = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        List<CloudEventHeaders> headers = ids.stream().map(CommunityTopic::foundedHeaders).toList();
        inOnePoll(() -> {
            for (int i = 0; i < ids.size(); i++) {
                founded(ids.get(i), headers.get(i), "Batch Guild " + i);
            }
        });
        awaitApplied(ids);
        // processed_at defaults to now(): the start of the transaction that recorded the event.
        assertEquals(1, db.query("SELECT DISTINCT processed_at FROM processed_event WHERE event_id IN (?, ?, ?, ?)",
                headers.stream().map(CloudEventHeaders::id).toArray()).size(), "one transaction for the batch");
        double duplicates = count("duplicate");

        inOnePoll(() -> {
            for (int i = 0; i < ids.size(); i++) {
                founded(ids.get(i), headers.get(i), "Batch Guild " + i);
            }
        });

        ReadModelRows.await(() -> count("duplicate") - duplicates, (double) ids.size());
        for (int i = 0; i < ids.size(); i++) {
            assertEquals(List.of(row("Batch Guild " + i, 1)),
                    db.query("SELECT name, version FROM community WHERE id = ?", ids.get(i)), "applied once");
            assertEquals(List.of(row(1)),
                    db.query("SELECT count(*) FROM processed_event WHERE event_id = ?", headers.get(i).id()));
        }
    }

    @Test
    void an_unreadable_record_is_dead_lettered_once_and_the_rest_of_its_batch_applied() {
        UUID before = UUID.randomUUID();
        UUID unreadable = UUID.randomUUID();
        UUID after = UUID.randomUUID();
        double deadLettered = count("dead_lettered");

        inOnePoll(() -> {
            founded(before, CommunityTopic.foundedHeaders(before), "Before Guild");
            send(unreadable.toString(), CommunityTopic.foundedHeaders(unreadable).toKafkaHeaders(), NOT_JSON);
            founded(after, CommunityTopic.foundedHeaders(after), "After Guild");
        });

        awaitApplied(List.of(before, after));
        assertTrue(topic.awaitDeadLetter(unreadable.toString(), ReadModelRows.WAIT).isPresent());
        assertEquals(1.0, deadLettersSince(deadLettered), "dead-lettered once");
        assertEquals(List.of(row(0)), db.query("SELECT count(*) FROM community WHERE id = ?", unreadable));
    }

    /** A transient failure (here a serialization failure, as a busy database gives) is waited out, never dead-lettered. */
    @Test
    void a_record_that_fails_transiently_is_retried_alone_while_the_rest_of_its_batch_is_applied() {
        UUID poisoned = UUID.randomUUID();
        String poison = "Poison " + poisoned;
        CloudEventHeaders poisonedHeaders = CommunityTopic.foundedHeaders(poisoned);
        double failed = count("failed");
        double deadLettered = count("dead_lettered");
        // On partition 0 in this order: applied, unreadableBefore, poisoned, unreadableAfter, behind.
        UUID applied = UUID.randomUUID();
        UUID behind = UUID.randomUUID();
        UUID unreadableBefore = UUID.randomUUID();
        UUID unreadableAfter = UUID.randomUUID();
        execute("""
                CREATE OR REPLACE FUNCTION refuse_poison() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  IF NEW.name = '%s' THEN
                    RAISE EXCEPTION 'refused %%', NEW.name USING ERRCODE = 'serialization_failure';
                  END IF;
                  RETURN NEW;
                END $$""".formatted(poison));
        execute("DROP TRIGGER IF EXISTS refuse_poison ON community");
        execute("CREATE TRIGGER refuse_poison BEFORE INSERT ON community"
                + " FOR EACH ROW EXECUTE FUNCTION refuse_poison()");
        try {
            inOnePoll(() -> {
                founded(applied, CommunityTopic.foundedHeaders(applied), "Applied Guild");
                send(unreadableBefore.toString(), CommunityTopic.foundedHeaders(unreadableBefore).toKafkaHeaders(),
                        NOT_JSON);
                founded(poisoned, poisonedHeaders, poison);
                send(unreadableAfter.toString(), CommunityTopic.foundedHeaders(unreadableAfter).toKafkaHeaders(),
                        NOT_JSON);
                founded(behind, CommunityTopic.foundedHeaders(behind), "Behind Guild");
            });
            awaitApplied(List.of(applied));
            // More tries than guildhall.kafka.handler-attempts (3 in the tests): a transient failure is never given up.
            ReadModelRows.await(() -> count("failed") - failed >= 6, true);

            assertEquals(List.of(row(0)), db.query("SELECT count(*) FROM processed_event WHERE event_id = ?",
                    poisonedHeaders.id()), "the failed event left no trace");
            assertEquals(List.of(row(0)), db.query("SELECT count(*) FROM community WHERE id IN (?, ?)",
                    poisoned, behind), "what follows it on its partition waits for it");
        } finally {
            execute("DROP TRIGGER refuse_poison ON community");
            execute("DROP FUNCTION refuse_poison()");
        }

        awaitApplied(List.of(poisoned, behind));
        assertEquals(List.of(row(3)), db.query("SELECT count(*) FROM community WHERE id IN (?, ?, ?) AND version = 1",
                applied, poisoned, behind), "each applied once");
        assertEquals(List.of(row(1)), db.query("SELECT count(*) FROM processed_event WHERE event_id = ?",
                poisonedHeaders.id()));
        assertTrue(topic.awaitDeadLetter(unreadableBefore.toString(), ReadModelRows.WAIT).isPresent());
        assertTrue(topic.awaitDeadLetter(unreadableAfter.toString(), ReadModelRows.WAIT).isPresent());
        assertEquals(2.0, deadLettersSince(deadLettered),
                "each dead-lettered once, also the one read again with the failing record");
    }

    /**
     * A valid event whose handler keeps failing for a reason that is not transient (a bug, a constraint) goes to the
     * dead-letter topic after guildhall.kafka.handler-attempts tries, with the reason, and its partition goes on.
     */
    @Test
    void a_record_whose_handler_keeps_failing_is_dead_lettered_after_bounded_tries_and_its_partition_goes_on() {
        UUID poisoned = UUID.randomUUID();
        String poison = "Always failing " + poisoned;
        UUID behind = UUID.randomUUID();
        double deadLettered = count("dead_lettered");
        execute("""
                CREATE OR REPLACE FUNCTION refuse_always() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  IF NEW.name = '%s' THEN RAISE EXCEPTION 'refused %%', NEW.name; END IF;
                  RETURN NEW;
                END $$""".formatted(poison));
        execute("DROP TRIGGER IF EXISTS refuse_always ON community");
        execute("CREATE TRIGGER refuse_always BEFORE INSERT ON community"
                + " FOR EACH ROW EXECUTE FUNCTION refuse_always()");
        try {
            founded(poisoned, CommunityTopic.foundedHeaders(poisoned), poison);
            founded(behind, CommunityTopic.foundedHeaders(behind), "Behind the failing one");

            awaitApplied(List.of(behind));
            var deadLetter = topic.awaitDeadLetter(poisoned.toString(), ReadModelRows.WAIT).orElseThrow();
            String reason = new String(deadLetter.headers().lastHeader(CloudEventHeaders.DEAD_LETTER_REASON).value(),
                    java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(reason.contains("handler failed 3 times") && reason.contains("refused"), reason);
            assertEquals(List.of(row(0)), db.query("SELECT count(*) FROM community WHERE id = ?", poisoned));
            assertEquals(1.0, count("dead_lettered") - deadLettered, "dead-lettered once, counted");
        } finally {
            execute("DROP TRIGGER refuse_always ON community");
            execute("DROP FUNCTION refuse_always()");
        }
    }

    /** Sends while every listener is paused, so that the records are read by one poll once it resumes. */
    private void inOnePoll(Runnable sends) {
        Set<String> ids = consumers.getConsumerIds();
        ReadModelRows.await(() -> ids.stream().allMatch(this::assigned), true);
        ids.forEach(consumers::pause);
        try {
            ReadModelRows.await(() -> ids.stream().allMatch(consumers::isPaused), true);
            // A fetch sent before the pause waits up to fetch.max.wait.ms (500 ms) for data: let it come back empty,
            // or it would bring the first record alone.
            Thread.sleep(1_000);
            sends.run();
            producer.flush();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            ids.forEach(consumers::resume);
        }
    }

    private boolean assigned(String consumerId) {
        try {
            return !consumers.getConsumerAssignment(consumerId).isEmpty();
        } catch (IllegalArgumentException notYet) {
            // Thrown until the group has handed the consumer its partitions.
            return false;
        }
    }

    private void founded(UUID id, CloudEventHeaders headers, String name) {
        send(id.toString(), headers.toKafkaHeaders(), CommunityTopic.foundedJson(id, name));
    }

    private void send(String key, Map<String, byte[]> headers, byte[] value) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.COMMUNITY, 0, key, value);
        headers.forEach((name, bytes) -> record.headers().add(name, bytes));
        Future<?> sent = producer.send(record);
        try {
            sent.get();
        } catch (Exception e) {
            throw new IllegalStateException("Could not send to " + Topics.COMMUNITY, e);
        }
    }

    private void awaitApplied(List<UUID> ids) {
        String list = String.join(",", ids.stream().map(UUID::toString).toList());
        db.awaitRows(List.of(row(ids.size())),
                "SELECT count(*) FROM community WHERE id::text = ANY (string_to_array(?, ','))", list);
    }

    /**
     * Dead letters this instance sent, once a record polled after them was applied. Not read from the dead-letter
     * topic: on a shared broker other consumers of the community topic dead-letter the same records there too.
     */
    private double deadLettersSince(double before) {
        UUID marker = UUID.randomUUID();
        founded(marker, CommunityTopic.foundedHeaders(marker), "Marker Guild");
        awaitApplied(List.of(marker));
        return count("dead_lettered") - before;
    }

    private double count(String outcome) {
        Counter counter = meters.find(BatchConsumer.RECORDS_METRIC).tag("topic", Topics.COMMUNITY)
                .tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    private static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(AnalyticsStack.stack().jdbcUrl(AnalyticsStack.DATABASE),
                AnalyticsStack.stack().dbUsername(), AnalyticsStack.stack().dbPassword());
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
