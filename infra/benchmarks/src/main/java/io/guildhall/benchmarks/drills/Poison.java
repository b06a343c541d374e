package io.guildhall.benchmarks.drills;

import io.guildhall.contracts.CloudEventHeaders;
import io.guildhall.contracts.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Records that can never be applied, made from valid ones, and the check that each was dead-lettered once. */
final class Poison {

    static final List<String> TOPICS = List.of(Topics.COMMUNITY, Topics.EVENT, Topics.MEMBERSHIP, Topics.PERSON,
            Topics.CONTRIBUTION);

    private Poison() {
    }

    /**
     * {@code each} of: unreadable data, schema-invalid data and a key that is not the aggregate's on the event topic;
     * a type foreign to the topic on every topic (an attendance on the four others, a community founding on the event
     * topic). Every one with an id of its own.
     */
    static List<ProducerRecord<String, byte[]>> records(List<ProducerRecord<String, byte[]>> attendances,
                                                        List<ProducerRecord<String, byte[]>> foundings, int each) {
        List<ProducerRecord<String, byte[]>> poison = new ArrayList<>();
        for (int i = 0; i < each; i++) {
            ProducerRecord<String, byte[]> attendance = attendances.get(i);
            poison.add(copy(attendance, Topics.EVENT, attendance.key(), "{not json".getBytes(StandardCharsets.UTF_8)));
            poison.add(copy(attendance, Topics.EVENT, attendance.key(),
                    "{\"eventId\":\"not-a-uuid\"}".getBytes(StandardCharsets.UTF_8)));
            poison.add(copy(attendance, Topics.EVENT, UUID.randomUUID().toString(), attendance.value()));
            for (String topic : TOPICS) {
                if (topic.equals(Topics.EVENT)) {
                    ProducerRecord<String, byte[]> founding = foundings.get(i);
                    poison.add(copy(founding, Topics.EVENT, founding.key(), founding.value()));
                } else {
                    poison.add(copy(attendance, topic, attendance.key(), attendance.value()));
                }
            }
        }
        return poison;
    }

    private static ProducerRecord<String, byte[]> copy(ProducerRecord<String, byte[]> original, String topic, String key,
                                                       byte[] value) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
        for (Header header : original.headers()) {
            if (!header.key().equals(CloudEventHeaders.ID)) {
                record.headers().add(header.key(), header.value());
            }
        }
        record.headers().add(CloudEventHeaders.ID, UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        return record;
    }

    record Check(long missing, long withoutReason, long duplicates) {
    }

    /** Reads the dead-letter topics from where they ended before the drill: each poison record once, with a reason. */
    static Check check(String bootstrap, Map<String, Long> from, List<ProducerRecord<String, byte[]>> poison) {
        Set<String> expected = new HashSet<>();
        for (ProducerRecord<String, byte[]> record : poison) {
            expected.add(new String(record.headers().lastHeader(CloudEventHeaders.ID).value(), StandardCharsets.UTF_8));
        }
        Set<String> seen = new HashSet<>();
        long withoutReason = 0;
        long duplicates = 0;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : from.keySet()) {
                consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p)) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    Header id = record.headers().lastHeader(CloudEventHeaders.ID);
                    String eventId = id == null ? "" : new String(id.value(), StandardCharsets.UTF_8);
                    if (!expected.contains(eventId)) {
                        continue;
                    }
                    if (!seen.add(eventId)) {
                        duplicates++;
                    }
                    Header reason = record.headers().lastHeader(CloudEventHeaders.DEAD_LETTER_REASON);
                    if (reason == null || reason.value().length == 0) {
                        withoutReason++;
                    }
                }
            }
        }
        return new Check(expected.size() - seen.size(), withoutReason, duplicates);
    }
}
