package io.guildhall.analytics.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

import java.util.HashMap;
import java.util.Map;

/**
 * Where each partition of a polled batch must be read again from: the first record of it that failed (neither
 * applied nor dead-lettered). Records of that partition from there on are left alone, so that they come back in
 * order and nothing of them (a dead letter above all) is done twice; the other partitions carry on.
 */
final class BatchProgress {

    private final Map<TopicPartition, Long> retryFrom = new HashMap<>();
    private final java.time.Instant began;

    BatchProgress(java.time.Instant began) {
        this.began = began;
    }

    /** When the poll's handling began: the start of each counted change's span. */
    java.time.Instant began() {
        return began;
    }

    void failed(ConsumerRecord<?, ?> record) {
        retryFrom.merge(partitionOf(record), record.offset(), Math::min);
    }

    /** Whether the record lies at or after its partition's first failure: it will be polled again. */
    boolean leftForRetry(ConsumerRecord<?, ?> record) {
        Long from = retryFrom.get(partitionOf(record));
        return from != null && record.offset() >= from;
    }

    Map<TopicPartition, Long> retryOffsets() {
        return Map.copyOf(retryFrom);
    }

    private static TopicPartition partitionOf(ConsumerRecord<?, ?> record) {
        return new TopicPartition(record.topic(), record.partition());
    }
}
