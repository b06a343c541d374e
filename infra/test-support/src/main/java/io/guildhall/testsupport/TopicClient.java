package io.guildhall.testsupport;

import io.guildhall.contracts.CloudEventHeaders;
import io.guildhall.contracts.InvalidCloudEventException;
import io.guildhall.contracts.SchemaValidator;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Plain Kafka clients for tests of every service, so that a test sees exactly the bytes on the wire: write a record
 * as a producer would, read a topic from the beginning in a group of its own, and check a record against the
 * contracts (CloudEvents headers and the type's JSON Schema). Framework-free; failures are AssertionErrors.
 */
public final class TopicClient {

    private static final Duration POLL = Duration.ofMillis(500);

    private TopicClient() {
    }

    /** Writes one record and waits until the broker has it (acks=all). */
    public static void send(String brokers, String topic, String key, byte[] value, Map<String, byte[]> headers) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
            headers.forEach((name, bytes) -> record.headers().add(new RecordHeader(name, bytes)));
            producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted sending to " + topic, e);
        } catch (Exception e) {
            throw new IllegalStateException("Could not send to " + topic, e);
        }
    }

    /**
     * Creates topics of a test's own (one partition, history kept), for tests that use topics outside the declaration:
     * brokers run with auto-creation off. Topics that exist already are left alone.
     */
    public static void create(String brokers, String... topics) {
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(
                Map.of(org.apache.kafka.clients.admin.AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers))) {
            for (String topic : topics) {
                try {
                    admin.createTopics(List.of(new org.apache.kafka.clients.admin.NewTopic(topic, 1, (short) 1)
                            .configs(Map.of("retention.ms", "-1")))).all().get(30, java.util.concurrent.TimeUnit.SECONDS);
                } catch (java.util.concurrent.ExecutionException e) {
                    if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
                        throw new IllegalStateException("Could not create " + topic, e.getCause());
                    }
                }
            }
        } catch (Exception e) {
            if (e instanceof IllegalStateException ise) {
                throw ise;
            }
            throw new IllegalStateException("Could not create " + List.of(topics), e);
        }
    }

    /** Reads the topic from the beginning until a record matches, or empty when the timeout passes first. */
    public static Optional<ConsumerRecord<String, byte[]>> find(String brokers, String topic,
                                                                Predicate<ConsumerRecord<String, byte[]>> match,
                                                                Duration timeout) {
        try (KafkaConsumer<String, byte[]> consumer = consumer(brokers, topic)) {
            Instant deadline = Instant.now().plus(timeout);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    if (match.test(record)) {
                        return Optional.of(record);
                    }
                }
            }
            return Optional.empty();
        }
    }

    /**
     * Reads the topic from the beginning until the records with this key, in topic order, satisfy {@code done};
     * returns them. Fails naming the types that did come when the timeout passes first.
     */
    public static List<ConsumerRecord<String, byte[]>> awaitKeyed(String brokers, String topic, String key,
                                                                  Predicate<List<ConsumerRecord<String, byte[]>>> done,
                                                                  Duration timeout) {
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer(brokers, topic)) {
            Instant deadline = Instant.now().plus(timeout);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    if (key.equals(record.key())) {
                        found.add(record);
                    }
                }
                if (done.test(found)) {
                    return found;
                }
            }
        }
        throw new AssertionError("Only " + types(found) + " on " + topic + " for key " + key + " after " + timeout);
    }

    /** A header's value as UTF-8 text; null when the record has no such header. */
    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** The ce_type of each record, in order. */
    public static List<String> types(List<? extends ConsumerRecord<?, ?>> records) {
        return records.stream().map(record -> header(record, CloudEventHeaders.TYPE)).toList();
    }

    /** The record's value as JSON text. */
    public static String json(ConsumerRecord<?, byte[]> record) {
        return new String(record.value(), StandardCharsets.UTF_8);
    }

    /**
     * Fails unless the record is a Guildhall event as the contracts define it: every CloudEvents header well-formed,
     * the source ending with {@code sourceService}, the subject equal to the key, a traceparent (where there is one)
     * in W3C form, and data valid against its type's schema.
     */
    public static void assertGuildhallEvent(ConsumerRecord<String, byte[]> record, String sourceService) {
        List<String> problems = new ArrayList<>();
        Map<String, byte[]> raw = new HashMap<>();
        record.headers().forEach(h -> raw.put(h.key(), h.value()));
        try {
            CloudEventHeaders headers = CloudEventHeaders.fromKafkaHeaders(raw);
            if (!headers.source().endsWith(sourceService)) {
                problems.add("ce_source " + headers.source() + " is not " + sourceService + "'s");
            }
            if (!headers.subject().equals(record.key())) {
                problems.add("ce_subject " + headers.subject() + " is not the key " + record.key());
            }
            if (raw.containsKey(CloudEventHeaders.TRACEPARENT) && headers.traceparent() == null) {
                problems.add("traceparent " + header(record, CloudEventHeaders.TRACEPARENT) + " is malformed");
            }
            SchemaValidator.shared().validate(headers.type(), record.value())
                    .forEach(violation -> problems.add(headers.type() + ": " + violation));
        } catch (InvalidCloudEventException e) {
            problems.add(e.getMessage());
        }
        if (!problems.isEmpty()) {
            throw new AssertionError("Record " + record.topic() + "-" + record.partition() + "@" + record.offset()
                    + " is not a valid Guildhall event: " + problems);
        }
    }

    private static KafkaConsumer<String, byte[]> consumer(String brokers, String topic) {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
        consumer.subscribe(List.of(topic));
        return consumer;
    }
}
