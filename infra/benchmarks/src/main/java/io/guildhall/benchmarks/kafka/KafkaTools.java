package io.guildhall.benchmarks.kafka;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** The few Kafka admin and producer calls the ingest benchmark needs, against the run's private broker. */
public final class KafkaTools implements AutoCloseable {

    /** Where the produced records are: per partition, first offset and end offset (exclusive). */
    public record Produced(String topic, Map<Integer, long[]> ranges, int count, long elapsedNanos) {
    }

    private final String bootstrap;
    private final Admin admin;

    public KafkaTools(String bootstrap) {
        this.bootstrap = bootstrap;
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        this.admin = Admin.create(props);
    }

    /** Every declared topic, laid out as on the dev broker (TopicDeclaration: 3 partitions, history for ever). */
    public void createGuildhallTopics() throws InterruptedException {
        new io.guildhall.contracts.topics.TopicProvisioner(true, java.time.Duration.ofSeconds(60))
                .provision(admin, io.guildhall.contracts.topics.TopicDeclaration.all(
                        io.guildhall.contracts.topics.TopicDeclaration.Settings.development()));
    }

    /**
     * The topics a consumer group reads, once its members have joined and their assignment has not changed for a
     * few seconds (a service's listeners join one after another).
     */
    public Set<String> subscribedTopics(String group, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        Set<String> previous = Set.of();
        int unchanged = 0;
        while (System.nanoTime() < deadline) {
            ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group)).all().get().get(group);
            Set<String> topics = new TreeSet<>();
            for (MemberDescription member : description.members()) {
                member.assignment().topicPartitions().forEach(tp -> topics.add(tp.topic()));
            }
            unchanged = !topics.isEmpty() && topics.equals(previous) ? unchanged + 1 : 0;
            if (unchanged >= 3) {
                return topics;
            }
            previous = topics;
            Thread.sleep(1000);
        }
        throw new IllegalStateException("Consumer group " + group + " had no stable assignment after "
                + timeout.toSeconds() + " s (last seen: " + previous + ")");
    }

    /** The group's committed offsets on {@code topic}, summed over partitions (0 where none yet). */
    public long committed(String group, String topic) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get();
        return offsets.entrySet().stream().filter(e -> e.getKey().topic().equals(topic) && e.getValue() != null)
                .mapToLong(e -> e.getValue().offset()).sum();
    }

    /** Whether the group has committed at least {@code ends} on every partition named there. */
    public boolean committedAtLeast(String group, Map<TopicPartition, Long> ends) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get();
        return ends.entrySet().stream().allMatch(end -> end.getValue() == 0
                || (offsets.get(end.getKey()) != null && offsets.get(end.getKey()).offset() >= end.getValue()));
    }

    /** Each partition's end offset now (none for a topic that does not exist). */
    public Map<TopicPartition, Long> endOffsetsByPartition(String topic) throws Exception {
        Map<String, org.apache.kafka.clients.admin.TopicDescription> topics;
        try {
            topics = admin.describeTopics(List.of(topic)).allTopicNames().get();
        } catch (ExecutionException e) {
            return Map.of();
        }
        Map<TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> latest = new java.util.HashMap<>();
        topics.get(topic).partitions().forEach(p -> latest.put(new TopicPartition(topic, p.partition()),
                org.apache.kafka.clients.admin.OffsetSpec.latest()));
        Map<TopicPartition, Long> ends = new java.util.HashMap<>();
        admin.listOffsets(latest).all().get().forEach((partition, info) -> ends.put(partition, info.offset()));
        return ends;
    }

    /** How many records a topic holds (the sum of its partitions' end offsets; 0 for a topic that does not exist). */
    public long endOffsets(String topic) throws Exception {
        return endOffsetsByPartition(topic).values().stream().mapToLong(Long::longValue).sum();
    }

    /** Sends every record (acks=all, idempotent, as the services' producers) and waits for each acknowledgement. */
    public Produced produce(List<ProducerRecord<String, byte[]>> records) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(),
                new ByteArraySerializer())) {
            producer.partitionsFor(records.get(0).topic());
            long begin = System.nanoTime();
            List<Future<RecordMetadata>> acks = new ArrayList<>(records.size());
            for (ProducerRecord<String, byte[]> record : records) {
                acks.add(producer.send(record));
            }
            producer.flush();
            Map<Integer, long[]> ranges = new TreeMap<>();
            for (Future<RecordMetadata> ack : acks) {
                RecordMetadata metadata = ack.get();
                long[] range = ranges.computeIfAbsent(metadata.partition(), p -> new long[] {Long.MAX_VALUE, 0});
                range[0] = Math.min(range[0], metadata.offset());
                range[1] = Math.max(range[1], metadata.offset() + 1);
            }
            return new Produced(records.get(0).topic(), ranges, records.size(), System.nanoTime() - begin);
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
