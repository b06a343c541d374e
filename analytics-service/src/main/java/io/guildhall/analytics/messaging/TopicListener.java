package io.guildhall.analytics.messaging;

import io.micronaut.configuration.kafka.ConsumerAware;
import io.micronaut.configuration.kafka.ConsumerSeekAware;
import io.micronaut.configuration.kafka.seek.KafkaSeeker;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

import java.util.Collection;

/**
 * What every topic's listener shares: it hands each record to the {@link IdempotentEventConsumer}, and when the
 * group hands it partitions that a rebuild wants replayed, it seeks them to the beginning (see {@link ReplaySeeks}).
 * Subclasses carry the {@code @KafkaListener} settings and the {@code @Topic} method.
 */
public abstract class TopicListener implements ConsumerSeekAware, ConsumerAware<String, byte[]> {

    private final IdempotentEventConsumer consumer;
    private final ReplaySeeks replaySeeks;
    private volatile Consumer<String, byte[]> kafkaConsumer;

    protected TopicListener(IdempotentEventConsumer consumer, ReplaySeeks replaySeeks) {
        this.consumer = consumer;
        this.replaySeeks = replaySeeks;
    }

    protected void consume(ConsumerRecord<String, byte[]> record) {
        consumer.consume(record);
    }

    @Override
    public void setKafkaConsumer(Consumer<String, byte[]> kafkaConsumer) {
        this.kafkaConsumer = kafkaConsumer;
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions, KafkaSeeker seeker) {
        replaySeeks.onAssigned(partitions, kafkaConsumer);
    }
}
