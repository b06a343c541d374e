package io.guildhall.analytics.community;

import io.guildhall.analytics.messaging.IdempotentEventConsumer;
import io.guildhall.analytics.messaging.ReplaySeeks;
import io.guildhall.analytics.messaging.TopicListener;
import io.guildhall.contracts.Topics;
import io.micronaut.configuration.kafka.annotation.ErrorStrategy;
import io.micronaut.configuration.kafka.annotation.ErrorStrategyValue;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.OffsetStrategy;
import io.micronaut.configuration.kafka.annotation.Topic;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Consumes the community topic. Offsets are committed after each polled batch, once every record in it was applied,
 * found a duplicate or dead-lettered (per-record commits cost a broker round trip each and cut the ingest rate to a
 * third; a batch redelivered after a crash is harmless, the idempotent consumer skips what it applied). Any other
 * failure (database or broker down) seeks back to the record and retries it until it succeeds, because skipping it
 * would lose the event for good.
 */
@KafkaListener(
        groupId = "${guildhall.kafka.consumer-group:analytics-service}",
        offsetReset = OffsetReset.EARLIEST,
        offsetStrategy = OffsetStrategy.SYNC,
        errorStrategy = @ErrorStrategy(
                value = ErrorStrategyValue.RETRY_ON_ERROR,
                retryCount = Integer.MAX_VALUE,
                retryDelay = "${guildhall.kafka.retry-delay:2s}"))
public class CommunityEventsListener extends TopicListener {

    public CommunityEventsListener(IdempotentEventConsumer consumer, ReplaySeeks replaySeeks) {
        super(consumer, replaySeeks);
    }

    @Topic(Topics.COMMUNITY)
    public void receive(ConsumerRecord<String, byte[]> record) {
        consume(record);
    }
}
