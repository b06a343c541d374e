package io.guildhall.benchmarks.kafka;

import io.guildhall.contracts.CloudEventHeaders;
import io.guildhall.devstack.Postgres;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A service's outbox rows for one topic against that topic read from its start: each row must be on Kafka (by its
 * CloudEvents id), once, and per key in the outbox's order (its {@code seq}). What the drills end with.
 */
public record OutboxOnKafka(long rows, long missing, long duplicates, long outOfOrder) {

    public static OutboxOnKafka check(String bootstrap, int dbPort, String database, String topic) throws SQLException {
        Map<String, Long> seqOf = new HashMap<>();
        try (Connection db = Postgres.connect(dbPort, database); Statement statement = db.createStatement();
             ResultSet rows = statement.executeQuery("SELECT event_id::text, seq FROM guildhall_outbox WHERE topic = '" + topic + "'")) {
            while (rows.next()) {
                seqOf.put(rows.getString(1), rows.getLong(2));
            }
        }
        Map<String, Integer> seen = new HashMap<>();
        Map<String, Long> lastSeqOfKey = new HashMap<>();
        long outOfOrder = 0;
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p)) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    Header id = record.headers().lastHeader(CloudEventHeaders.ID);
                    if (id == null) {
                        continue;
                    }
                    String eventId = new String(id.value(), StandardCharsets.UTF_8);
                    Long seq = seqOf.get(eventId);
                    if (seen.merge(eventId, 1, Integer::sum) > 1 || seq == null) {
                        continue;
                    }
                    Long last = lastSeqOfKey.put(record.key(), seq);
                    if (last != null && last > seq) {
                        outOfOrder++;
                    }
                }
            }
        }
        long missing = seqOf.keySet().stream().filter(id -> !seen.containsKey(id)).count();
        long duplicates = seen.values().stream().filter(n -> n > 1).count();
        return new OutboxOnKafka(seqOf.size(), missing, duplicates, outOfOrder);
    }
}
