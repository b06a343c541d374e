package io.guildhall.analytics.messaging;

import io.guildhall.contracts.CloudEventHeaders;
import io.guildhall.contracts.EventCatalog;
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

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The community topic as a producer sees it: plain Kafka clients, CloudEvents headers as raw UTF-8, JSON written by
 * hand as the contract describes it, so nothing of analytics-service's own mapping is assumed.
 */
public final class CommunityTopic implements AutoCloseable {

    private final String bootstrapServers;
    private final KafkaProducer<String, byte[]> producer;

    public CommunityTopic(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    }

    public static CloudEventHeaders foundedHeaders(UUID communityId) {
        return new CloudEventHeaders(UUID.randomUUID().toString(), EventCatalog.COMMUNITY_FOUNDED.type(),
                "/community-service", Instant.parse("2026-03-02T09:15:01Z"), communityId.toString(), null);
    }

    public static byte[] foundedJson(UUID communityId, String name) {
        return """
                {"communityId": "%s", "slug": "%s", "name": "%s", "description": "Walking skeleton",
                 "practiceArea": "java", "visibility": "OPEN", "foundedBy": "grace-sub",
                 "foundedAt": "2026-03-02T09:15:00Z"}""".formatted(communityId, "c-" + communityId, name)
                .getBytes(StandardCharsets.UTF_8);
    }

    /** Sends and waits for the broker's acknowledgement. */
    public void send(String key, Map<String, byte[]> headers, byte[] value) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.COMMUNITY, key, value);
        headers.forEach((name, bytes) -> record.headers().add(name, bytes));
        try {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("Could not send to " + Topics.COMMUNITY, e);
        }
    }

    /** The first dead letter with this key, waiting up to the timeout for it. */
    public Optional<ConsumerRecord<String, byte[]>> awaitDeadLetter(String key, Duration timeout) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "analytics-dlt-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.deadLetterOf(Topics.COMMUNITY)));
            Instant deadline = Instant.now().plus(timeout);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (key.equals(record.key()) && ours(record)) {
                        return Optional.of(record);
                    }
                }
            }
            return Optional.empty();
        }
    }

    public static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }

    /** Other services on a shared broker consume the same topics and dead-letter the same records there too. */
    static boolean ours(ConsumerRecord<String, byte[]> deadLetter) {
        var consumer = deadLetter.headers().lastHeader(CloudEventHeaders.DEAD_LETTER_CONSUMER);
        return consumer != null && BatchConsumer.CONSUMER.equals(
                new String(consumer.value(), java.nio.charset.StandardCharsets.UTF_8));
    }
}
