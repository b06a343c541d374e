package io.guildhall.analytics.messaging;

import io.guildhall.contracts.CloudEventHeaders;
import io.guildhall.contracts.EventCatalog;
import io.guildhall.contracts.EventType;
import io.guildhall.contracts.GuildhallEvent;
import io.guildhall.contracts.SchemaValidator;
import io.guildhall.contracts.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Every Guildhall topic as a producer sees it: plain Kafka clients, CloudEvents headers from the contracts as raw
 * UTF-8, the record serialized with Jackson (not with analytics-service's own serde) and checked against its schema
 * before it is sent, so a test event is a valid event by the contract alone.
 */
public final class GuildhallTopics implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String bootstrapServers;
    private final KafkaProducer<String, byte[]> producer;

    public GuildhallTopics(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    }

    /** Publishes the event as a new CloudEvent that happened at {@code time}; returns its headers. */
    public CloudEventHeaders publish(GuildhallEvent event, Instant time) {
        EventType<?> type = EventCatalog.typeOf(event);
        CloudEventHeaders headers = new CloudEventHeaders(UUID.randomUUID().toString(), type.type(), "/analytics-test",
                time, event.aggregateId(), null);
        publish(event, headers);
        return headers;
    }

    /** Publishes the event with the given headers (a redelivery, when they were used before). */
    public void publish(GuildhallEvent event, CloudEventHeaders headers) {
        byte[] value = json(event);
        SchemaValidator.shared().requireValid(headers.type(), value);
        send(EventCatalog.typeOf(event).topic(), event.aggregateId(), headers.toKafkaHeaders(), value);
    }

    public static byte[] json(GuildhallEvent event) {
        return JSON.writeValueAsBytes(event);
    }

    /** Sends and waits for the broker's acknowledgement. */
    public void send(String topic, String key, Map<String, byte[]> headers, byte[] value) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
        headers.forEach((name, bytes) -> record.headers().add(name, bytes));
        try {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("Could not send to " + topic, e);
        }
    }

    /** The first dead letter of the topic with this key, waiting up to the timeout for it. */
    public Optional<ConsumerRecord<String, byte[]>> awaitDeadLetter(String topic, String key, Duration timeout) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "analytics-dlt-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.deadLetterOf(topic)));
            Instant deadline = Instant.now().plus(timeout);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (key.equals(record.key()) && CommunityTopic.ours(record)) {
                        return Optional.of(record);
                    }
                }
            }
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
