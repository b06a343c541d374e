package io.guildhall.analytics.rebuild;

import io.guildhall.analytics.AnalyticsStack;
import io.guildhall.analytics.messaging.GuildhallTopics;
import io.guildhall.analytics.messaging.IdempotentEventConsumer;
import io.guildhall.analytics.messaging.ReadModelRows;
import io.guildhall.analytics.messaging.Samples;
import io.guildhall.analytics.messaging.Samples.Meeting;
import io.guildhall.contracts.CloudEventHeaders;
import io.guildhall.contracts.EventCatalog;
import io.guildhall.contracts.GuildhallEvent;
import io.guildhall.contracts.Topics;
import io.guildhall.devstack.KafkaBroker;
import io.micronaut.context.ApplicationContext;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Measures, on a Kafka broker of its own, how fast a backlog of events goes into the read model next to how fast a
 * plain Kafka consumer reads the same records, and how long one check-in takes from the broker's acknowledgement to
 * its ledger row is visible. A measurement, not a regression test: run it on purpose with
 * {@code -Dtest=IngestRateTest -Dguildhall.measure=true}.
 */
@EnabledIfSystemProperty(named = "guildhall.measure", matches = "true")
class IngestRateTest {

    private static final int BACKLOG = Integer.getInteger("guildhall.measure.events", 5000);
    private static final int CHECK_INS = Integer.getInteger("guildhall.measure.check-ins", 200);
    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

    @Test
    void ingestRateAndCheckInLatency() throws Exception {
        try (KafkaBroker broker = AnalyticsStack.stack().startPrivateKafka()) {
            List<String> ids = publishBacklog(broker.bootstrapServers());
            double rawRate = rawConsumerRate(broker.bootstrapServers(), ids.size());

            String database = AnalyticsStack.stack().freshDatabase("analytics_measure");
            ReadModelRows db = new ReadModelRows(database);
            Map<String, Object> properties = new HashMap<>(AnalyticsStack.properties());
            properties.put("datasources.default.url", AnalyticsStack.stack().jdbcUrl(database));
            properties.put("kafka.bootstrap.servers", broker.bootstrapServers());
            properties.put("guildhall.kafka.consumer-group", "analytics-measure-" + UUID.randomUUID());
            try (ApplicationContext service = ApplicationContext.run(properties)) {
                awaitProcessed(db, 1);
                long first = System.nanoTime();
                long fromCount = awaitProcessed(db, ids.size() / 5);
                long from = System.nanoTime();
                long toCount = awaitProcessed(db, ids.size());
                long to = System.nanoTime();
                assertEquals(ids.size(), toCount, "every event applied once");
                double steady = (toCount - fromCount) / ((to - from) / 1e9);
                double overall = toCount / ((to - first) / 1e9);
                System.out.printf("MEASURE ingest: %d events into the read model, %.0f events/s overall (first to last,"
                        + " group joins included), %.0f events/s after the first 20 %% (raw Kafka consumer, same"
                        + " records: %.0f records/s)%n", toCount, overall, steady, rawRate);
                checkInLatency(broker.bootstrapServers(), database);
                handlerRate(service.getBean(IdempotentEventConsumer.class));
            }
        }
    }

    /** A mix like a busy week: per event 1 scheduling, 8 RSVPs, 6 check-ins, a correction; contributions; people. */
    private static List<String> publishBacklog(String bootstrapServers) {
        List<String> ids = new ArrayList<>();
        try (KafkaProducer<String, byte[]> producer = producer(bootstrapServers)) {
            int minute = 0;
            while (ids.size() < BACKLOG) {
                Meeting m = Meeting.of(UUID.randomUUID(), "TRAINING", T0.plusSeconds(3600L * minute), 60);
                List<GuildhallEvent> events = new ArrayList<>();
                events.add(Samples.scheduled(m, "organiser", 20, T0));
                for (int i = 0; i < 8; i++) {
                    String person = "person-" + (minute * 8 + i) % 500;
                    events.add(Samples.confirmed(m, person, T0));
                    if (i < 6) {
                        events.add(Samples.attended(m, person, 60, T0));
                    }
                    events.add(Samples.logged(UUID.randomUUID(), person, m.communityId(), "MENTORING", "GIVING",
                            LocalDate.parse("2026-03-02"), 30, T0));
                }
                events.add(Samples.corrected(m, "person-" + (minute * 8) % 500, 60, 45, T0));
                events.add(Samples.registered("person-" + minute, "Engineering", "IC", "Berlin", 40,
                        LocalDate.parse("2026-01-01"), T0));
                for (GuildhallEvent event : events) {
                    ids.add(send(producer, event, T0.plusSeconds(minute++)));
                }
            }
            producer.flush();
        }
        return ids;
    }

    private static String send(KafkaProducer<String, byte[]> producer, GuildhallEvent event, Instant time) {
        CloudEventHeaders headers = new CloudEventHeaders(UUID.randomUUID().toString(),
                EventCatalog.typeOf(event).type(), "/measure", time, event.aggregateId(), null);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(EventCatalog.typeOf(event).topic(),
                event.aggregateId(), GuildhallTopics.json(event));
        headers.toKafkaHeaders().forEach((name, value) -> record.headers().add(name, value));
        producer.send(record);
        return headers.id();
    }

    private static double rawConsumerRate(String bootstrapServers, int expected) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "raw-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.COMMUNITY, Topics.EVENT, Topics.PERSON, Topics.MEMBERSHIP,
                    Topics.CONTRIBUTION));
            int read = 0;
            long started = 0;
            while (read < expected) {
                int polled = consumer.poll(Duration.ofMillis(200)).count();
                if (polled > 0 && started == 0) {
                    started = System.nanoTime();
                }
                read += polled;
            }
            consumer.commitSync();
            return read / ((System.nanoTime() - started) / 1e9);
        }
    }

    /** One check-in at a time: from the broker's acknowledgement until its ledger row is visible to a query. */
    private static void checkInLatency(String bootstrapServers, String database) throws Exception {
        List<Double> millis = new ArrayList<>();
        try (KafkaProducer<String, byte[]> producer = producer(bootstrapServers);
             Connection connection = DriverManager.getConnection(AnalyticsStack.stack().jdbcUrl(database),
                     AnalyticsStack.stack().dbUsername(), AnalyticsStack.stack().dbPassword());
             PreparedStatement visible = connection.prepareStatement(
                     "SELECT 1 FROM participation WHERE event_id = ?")) {
            for (int i = 0; i < CHECK_INS; i++) {
                Meeting m = Meeting.of(UUID.randomUUID(), "TRAINING", T0, 60);
                CloudEventHeaders headers = new CloudEventHeaders(UUID.randomUUID().toString(),
                        EventCatalog.ATTENDANCE_RECORDED.type(), "/measure", T0, m.eventId().toString(), null);
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.EVENT, m.eventId().toString(),
                        GuildhallTopics.json(Samples.attended(m, "person-1", 60, T0)));
                headers.toKafkaHeaders().forEach((name, value) -> record.headers().add(name, value));
                producer.send(record).get();
                long acknowledged = System.nanoTime();
                visible.setObject(1, m.eventId());
                while (!exists(visible)) {
                    Thread.sleep(1);
                }
                long seen = System.nanoTime();
                millis.add((seen - acknowledged) / 1e6);
            }
        }
        Collections.sort(millis);
        System.out.printf("MEASURE check-in to read model: n=%d p50=%.1f ms p99=%.1f ms max=%.1f ms%n", millis.size(),
                millis.get(millis.size() / 2), millis.get((int) Math.ceil(millis.size() * 0.99) - 1),
                millis.get(millis.size() - 1));
    }

    /** The consumer without Kafka's poll and offset commit: what validating and applying one record costs. */
    private static void handlerRate(IdempotentEventConsumer consumer) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            Meeting m = Meeting.of(UUID.randomUUID(), "TRAINING", T0, 60);
            GuildhallEvent event = Samples.attended(m, "person-" + i % 500, 60, T0);
            ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(Topics.EVENT, 0, i, event.aggregateId(),
                    GuildhallTopics.json(event));
            new CloudEventHeaders(UUID.randomUUID().toString(), EventCatalog.typeOf(event).type(), "/measure", T0,
                    event.aggregateId(), null).toKafkaHeaders().forEach((name, value) -> record.headers().add(name, value));
            records.add(record);
        }
        long started = System.nanoTime();
        records.forEach(consumer::consume);
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("MEASURE handler alone (one thread, no Kafka): %d attendances in %.2f s = %.0f events/s%n",
                records.size(), seconds, records.size() / seconds);
    }

    private static boolean exists(PreparedStatement query) throws SQLException {
        try (ResultSet rows = query.executeQuery()) {
            return rows.next();
        }
    }

    /** Waits until at least {@code count} events are processed; returns how many were. */
    private static long awaitProcessed(ReadModelRows db, long count) throws InterruptedException {
        long seen;
        while ((seen = processed(db)) < count) {
            Thread.sleep(10);
        }
        return seen;
    }

    private static long processed(ReadModelRows db) {
        return Long.parseLong(db.query("SELECT count(*) FROM processed_event WHERE consumer = ?",
                IdempotentEventConsumer.CONSUMER).get(0).get(0));
    }

    private static KafkaProducer<String, byte[]> producer(String bootstrapServers) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, "5"), new StringSerializer(),
                new ByteArraySerializer());
    }
}
