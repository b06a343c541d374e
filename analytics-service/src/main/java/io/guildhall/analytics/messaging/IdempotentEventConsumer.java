package io.guildhall.analytics.messaging;

import io.guildhall.contracts.CloudEventHeaders;
import io.guildhall.contracts.GuildhallEvent;
import io.guildhall.contracts.InvalidCloudEventException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one way this service consumes a Guildhall topic: check the record, dead-letter what cannot be read, and apply
 * what can exactly once per event id. A Kafka listener per topic hands every record to {@link #consume}.
 *
 * <p>Invalid records are dead-lettered and reported as handled, so consumption carries on. Anything else that fails
 * (the database, the broker refusing a dead letter) is thrown: the listener must not commit the offset and retries
 * the record, and the rolled-back transaction leaves no trace of the attempt.
 */
@Singleton
public class IdempotentEventConsumer {

    /** Name of this service as a consumer: the key of its processed events and the dead-letter consumer header. */
    public static final String CONSUMER = "analytics-service";

    public static final String RECORDS_METRIC = "guildhall.consumer.records";

    private static final Logger LOG = LoggerFactory.getLogger(IdempotentEventConsumer.class);

    private final CloudEventReader reader;
    private final ProcessedEvents processedEvents;
    private final DeadLetterPublisher deadLetters;
    private final TransactionOperations<Connection> transactions;
    private final Map<String, EventHandler<?>> handlersByType;
    private final MeterRegistry meters;

    public IdempotentEventConsumer(CloudEventReader reader, ProcessedEvents processedEvents,
                                   DeadLetterPublisher deadLetters, TransactionOperations<Connection> transactions,
                                   List<EventHandler<?>> handlers, MeterRegistry meters) {
        this.reader = reader;
        this.processedEvents = processedEvents;
        this.deadLetters = deadLetters;
        this.transactions = transactions;
        this.handlersByType = byType(handlers);
        this.meters = meters;
    }

    /**
     * @throws RuntimeException when the record could be neither applied nor dead-lettered; it must be retried
     */
    public ConsumeOutcome consume(ConsumerRecord<String, byte[]> record) {
        ConsumeOutcome outcome;
        try {
            outcome = handleOrDeadLetter(record);
        } catch (Exception e) {
            // Also checked ones: the transaction API rethrows the database's SQLException undeclared.
            LOG.warn("Will retry {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), e.toString());
            counter(record.topic(), "failed").increment();
            throw e instanceof RuntimeException runtime ? runtime : new EventNotConsumedException(record, e);
        }
        counter(record.topic(), outcome.name().toLowerCase(Locale.ROOT)).increment();
        return outcome;
    }

    private ConsumeOutcome handleOrDeadLetter(ConsumerRecord<String, byte[]> record) {
        try {
            return handle(record);
        } catch (InvalidCloudEventException e) {
            LOG.warn("Dead-lettering {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), e.getMessage());
            deadLetters.publish(record, CONSUMER, e.getMessage());
            return ConsumeOutcome.DEAD_LETTERED;
        }
    }

    private ConsumeOutcome handle(ConsumerRecord<String, byte[]> record) {
        CloudEventHeaders headers = reader.validate(record);
        EventHandler<?> handler = handlersByType.get(headers.type());
        if (handler == null) {
            LOG.debug("Ignoring {} {}: not used by {}", headers.type(), headers.id(), CONSUMER);
            return ConsumeOutcome.IGNORED;
        }
        return applyOnce(record, headers, handler);
    }

    private <T extends GuildhallEvent> ConsumeOutcome applyOnce(ConsumerRecord<String, byte[]> record,
                                                                CloudEventHeaders headers, EventHandler<T> handler) {
        T event = reader.decode(record, headers, handler.eventType());
        return transactions.executeWrite(status -> {
            Connection connection = status.getConnection();
            if (!processedEvents.markProcessed(connection, CONSUMER, headers.id())) {
                LOG.debug("Skipping {} {}: already processed", headers.type(), headers.id());
                return ConsumeOutcome.DUPLICATE;
            }
            handler.apply(event, headers, connection);
            return ConsumeOutcome.APPLIED;
        });
    }

    private Counter counter(String topic, String outcome) {
        return Counter.builder(RECORDS_METRIC)
                .description("Records consumed, by outcome: applied, duplicate, ignored, dead_lettered, or failed"
                        + " (to be retried; a rising count means a stuck partition)")
                .tag("consumer", CONSUMER)
                .tag("topic", topic)
                .tag("outcome", outcome)
                .register(meters);
    }

    /** The record was neither applied nor dead-lettered, for a reason that may pass: retry it. */
    public static final class EventNotConsumedException extends RuntimeException {
        EventNotConsumedException(ConsumerRecord<?, ?> record, Exception cause) {
            super("Could not consume " + record.topic() + "-" + record.partition() + "@" + record.offset()
                    + ": " + cause.getMessage(), cause);
        }
    }

    private static Map<String, EventHandler<?>> byType(List<EventHandler<?>> handlers) {
        Map<String, EventHandler<?>> byType = new HashMap<>();
        for (EventHandler<?> handler : handlers) {
            EventHandler<?> previous = byType.put(handler.eventType().type(), handler);
            if (previous != null) {
                throw new IllegalStateException("Two handlers for " + handler.eventType().type() + ": "
                        + previous.getClass().getName() + " and " + handler.getClass().getName());
            }
        }
        return Map.copyOf(byType);
    }
}
