package io.guildhall.analytics.community;

import io.guildhall.analytics.messaging.IdempotentEventConsumer;
import io.guildhall.contracts.Topics;
import io.micronaut.configuration.kafka.annotation.ErrorStrategy;
import io.micronaut.configuration.kafka.annotation.ErrorStrategyValue;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.OffsetStrategy;
import io.micronaut.configuration.kafka.annotation.Topic;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Consumes the community topic. Each record's offset is committed only after it was applied, found a duplicate or
 * dead-lettered; any other failure (database or broker down) seeks back to the record and retries it until it
 * succeeds, because skipping it would lose the event for good.
 */
@KafkaListener(
        groupId = "${guildhall.kafka.consumer-group:analytics-service}",
        offsetReset = OffsetReset.EARLIEST,
        offsetStrategy = OffsetStrategy.SYNC_PER_RECORD,
        errorStrategy = @ErrorStrategy(
                value = ErrorStrategyValue.RETRY_ON_ERROR,
                retryCount = Integer.MAX_VALUE,
                retryDelay = "${guildhall.kafka.retry-delay:2s}"))
public class CommunityEventsListener {

    private final IdempotentEventConsumer consumer;

    public CommunityEventsListener(IdempotentEventConsumer consumer) {
        this.consumer = consumer;
    }

    @Topic(Topics.COMMUNITY)
    public void receive(ConsumerRecord<String, byte[]> record) {
        consumer.consume(record);
    }
}
