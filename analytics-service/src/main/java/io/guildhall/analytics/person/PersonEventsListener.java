package io.guildhall.analytics.person;

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
 * Consumes the person topic (people); offsets and retries as in
 * {@link io.guildhall.analytics.community.CommunityEventsListener}.
 */
@KafkaListener(
        groupId = "${guildhall.kafka.consumer-group:analytics-service}",
        offsetReset = OffsetReset.EARLIEST,
        offsetStrategy = OffsetStrategy.SYNC,
        errorStrategy = @ErrorStrategy(
                value = ErrorStrategyValue.RETRY_ON_ERROR,
                retryCount = Integer.MAX_VALUE,
                retryDelay = "${guildhall.kafka.retry-delay:2s}"))
public class PersonEventsListener extends TopicListener {

    public PersonEventsListener(IdempotentEventConsumer consumer, ReplaySeeks replaySeeks) {
        super(consumer, replaySeeks);
    }

    @Topic(Topics.PERSON)
    public void receive(ConsumerRecord<String, byte[]> record) {
        consume(record);
    }
}
