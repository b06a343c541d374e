package io.guildhall.benchmarks.ingest;

import io.guildhall.benchmarks.kafka.KafkaTools;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.guildhall.contracts.CloudEventHeaders;
import io.guildhall.contracts.GuildhallEvent;
import io.guildhall.contracts.SchemaValidator;
import io.guildhall.contracts.consumer.EventCheck;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The baseline: a plain KafkaConsumer (default fetch settings) reading exactly the produced records from their
 * offsets and touching each one's value and headers. What any consumer of this broker on this machine can reach
 * before it does any work of its own.
 */
public final class RawConsumer {

    /** Records read and the time from the first poll until the last record was in hand. */
    public record Read(long records, long bytes, long elapsedNanos) {
    }

    private RawConsumer() {
    }

    public static Read read(String bootstrap, KafkaTools.Produced produced, Duration timeout) {
        return read(bootstrap, produced, timeout, record -> { });
    }

    /**
     * The second baseline: the same reading, and each record checked as the contract asks of every consumer before
     * it may apply it (CloudEvents headers, the type's topic, the data against its JSON Schema: {@link EventCheck};
     * then the data read as its contract record and its aggregate compared with the key and subject). No database:
     * the CPU bound of a consumer that checks, on this machine.
     */
    public static Read readChecked(String bootstrap, KafkaTools.Produced produced, Duration timeout) {
        SchemaValidator schemas = SchemaValidator.shared();
        JsonMapper json = JsonMapper.builder().build();
        return read(bootstrap, produced, timeout, record -> {
            Map<String, byte[]> headers = new HashMap<>();
            for (Header header : record.headers()) {
                headers.put(header.key(), header.value());
            }
            CloudEventHeaders checked = EventCheck.validate(record.topic(), headers, record.value(), schemas);
            GuildhallEvent event = json.readValue(record.value(), EventCheck.typeOf(checked).recordClass());
            EventCheck.requireAggregate(record.key(), checked, event);
        });
    }

    private static Read read(String bootstrap, KafkaTools.Produced produced, Duration timeout,
                             java.util.function.Consumer<ConsumerRecord<String, byte[]>> work) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = produced.ranges().keySet().stream()
                    .map(p -> new TopicPartition(produced.topic(), p)).toList();
            consumer.assign(partitions);
            for (Map.Entry<Integer, long[]> range : produced.ranges().entrySet()) {
                consumer.seek(new TopicPartition(produced.topic(), range.getKey()), range.getValue()[0]);
            }
            long wanted = produced.count();
            long count = 0;
            long bytes = 0;
            long begin = System.nanoTime();
            long deadline = begin + timeout.toNanos();
            while (count < wanted) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("The raw consumer read only " + count + " of " + wanted
                            + " records in " + timeout.toSeconds() + " s");
                }
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(100));
                for (ConsumerRecord<String, byte[]> record : records) {
                    long[] range = produced.ranges().get(record.partition());
                    if (record.offset() >= range[1]) {
                        continue;
                    }
                    work.accept(record);
                    count++;
                    bytes += record.value().length;
                    for (Header header : record.headers()) {
                        bytes += header.value().length;
                    }
                }
            }
            return new Read(count, bytes, System.nanoTime() - begin);
        }
    }
}
