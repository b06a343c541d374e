package io.guildhall.analytics.messaging;

import io.guildhall.contracts.Topics;
import io.micronaut.configuration.kafka.ConsumerAware;
import io.micronaut.configuration.kafka.annotation.ErrorStrategy;
import io.micronaut.configuration.kafka.annotation.ErrorStrategyValue;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.OffsetStrategy;
import io.micronaut.configuration.kafka.annotation.Topic;
import io.micronaut.context.annotation.Value;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.guildhall.analytics.config.TopicProvisioning;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Consumes every topic this service reads, a polled batch at a time (one consumer, so each partition's records
 * arrive in order). {@link BatchConsumer} applies a batch in one transaction; the partitions it could not
 * finish are moved back here to their first failed record, and after {@code guildhall.kafka.retry-delay} the next
 * poll reads them again from there. Offsets are committed after the method returns ({@code SYNC}: the consumer's
 * positions, so never past a record moved back to), i.e. after the batch's transaction committed and its dead
 * letters were acknowledged; a batch redelivered after a crash is harmless, its events are in
 * {@code processed_event}. The framework's retry (the whole batch again) is left for what this class does not expect.
 *
 * <p>A rebuild does not touch this listener: it builds a shadow read model with a consumer of its own and switches
 * over under the apply lock ({@code io.guildhall.analytics.rebuild.ShadowRebuild}).
 */
@KafkaListener(
        groupId = "${guildhall.kafka.consumer-group:analytics-service}",
        offsetReset = OffsetReset.EARLIEST,
        offsetStrategy = OffsetStrategy.SYNC,
        batch = true,
        errorStrategy = @ErrorStrategy(
                value = ErrorStrategyValue.RETRY_ON_ERROR,
                retryCount = Integer.MAX_VALUE,
                retryDelay = "${guildhall.kafka.retry-delay:2s}"))
public class GuildhallEventsListener implements ConsumerAware<String, byte[]> {

    private static final Logger LOG = LoggerFactory.getLogger(GuildhallEventsListener.class);

    private final BatchConsumer consumer;
    private final Duration retryDelay;
    private volatile Consumer<String, byte[]> kafkaConsumer;

    public GuildhallEventsListener(BatchConsumer consumer,
                                   @Value("${guildhall.kafka.retry-delay:2s}") Duration retryDelay,
                                   // Not used here: the topics must exist before the listener subscribes.
                                   Optional<TopicProvisioning> topics) {
        this.consumer = consumer;
        this.retryDelay = retryDelay;
    }

    @Topic({Topics.COMMUNITY, Topics.PERSON, Topics.MEMBERSHIP, Topics.CONTRIBUTION, Topics.EVENT})
    public void receive(ConsumerRecords<String, byte[]> records) {
        Map<TopicPartition, Long> retryFrom = consumer.consume(records);
        if (retryFrom.isEmpty()) {
            return;
        }
        retryFrom.forEach(kafkaConsumer::seek);
        LOG.info("Reading {} again after {}", retryFrom, retryDelay);
        try {
            Thread.sleep(retryDelay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void setKafkaConsumer(Consumer<String, byte[]> kafkaConsumer) {
        this.kafkaConsumer = kafkaConsumer;
    }
}
