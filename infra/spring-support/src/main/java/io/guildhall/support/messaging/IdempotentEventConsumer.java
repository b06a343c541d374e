package io.guildhall.support.messaging;

import io.guildhall.contracts.consumer.ConsumerMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.guildhall.contracts.CloudEventHeaders;
import io.guildhall.contracts.EventType;
import io.guildhall.contracts.GuildhallEvent;
import io.guildhall.contracts.InvalidCloudEventException;
import io.guildhall.contracts.SchemaValidator;
import io.guildhall.contracts.consumer.EventCheck;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Turns an {@link EventHandler} into a Spring Cloud Stream consumer function that is idempotent and
 * dead-letters what it cannot read.
 * <ol>
 *   <li>The shared consumer protocol ({@link EventCheck}, analytics-service's too): the CloudEvents headers, the
 *       type on its topic, its JSON Schema, the record mapping, and the record key and {@code ce_subject} naming
 *       the event's aggregate; a message failing any of them goes to the dead-letter topic at once with the
 *       reason, and consumption carries on.</li>
 *   <li>In one transaction, {@code (consumer, event id)} is inserted first; if it was there already the
 *       event is a redelivery and nothing else happens; otherwise the handler runs in that transaction.</li>
 *   <li>A transient failure ({@link TransientFailures}: the database restarting, a dropped connection, a timeout)
 *       is waited out: tried again with backoff doubling up to 30 s, for as long as it lasts, never dead-lettered.
 *       The partition waits meanwhile, which keeps the order of its events.</li>
 *   <li>Any other exception from the handler propagates: the binder tries again ({@code max-attempts}, 3) and then
 *       dead-letters the message with the exception in its headers, and the partition goes on.</li>
 * </ol>
 */
public class IdempotentEventConsumer implements Consumer<Message<byte[]>> {

    private static final Logger log = LoggerFactory.getLogger(IdempotentEventConsumer.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final String consumer;
    private final EventHandler handler;
    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final JsonMapper json;
    private final SchemaValidator validator;
    private final DeadLetterPublisher deadLetters;
    private final Duration firstBackoff;

    public IdempotentEventConsumer(String consumer, EventHandler handler, DatabaseClient db, TransactionalOperator tx,
                                   JsonMapper json, SchemaValidator validator, DeadLetterPublisher deadLetters) {
        this(consumer, handler, db, tx, json, validator, deadLetters, Duration.ofMillis(500));
    }

    public IdempotentEventConsumer(String consumer, EventHandler handler, DatabaseClient db, TransactionalOperator tx,
                                   JsonMapper json, SchemaValidator validator, DeadLetterPublisher deadLetters,
                                   Duration firstBackoff) {
        this.firstBackoff = firstBackoff;
        this.consumer = consumer;
        this.handler = handler;
        this.db = db;
        this.tx = tx;
        this.json = json;
        this.validator = validator;
        this.deadLetters = deadLetters;
    }

    @Override
    public void accept(Message<byte[]> message) {
        ReceivedEvent event;
        try {
            event = read(message);
        } catch (InvalidCloudEventException e) {
            deadLetters.deadLetter(consumer, message, e.getMessage());
            return;
        }
        Duration backoff = firstBackoff;
        for (int attempt = 1; ; attempt++) {
            try {
                tx.transactional(markProcessed(event.headers())
                                .flatMap(first -> first ? handler.handle(event).thenReturn(true) : Mono.just(false)))
                        .block();
                return;
            } catch (RuntimeException e) {
                if (!TransientFailures.isTransient(e)) {
                    throw e;
                }
                deadLetters.count(consumer, String.valueOf(message.getHeaders().get(KafkaHeaders.RECEIVED_TOPIC)),
                        ConsumerMetrics.FAILED);
                log.warn("{} could not apply {} {} (try {}), a transient failure: trying again in {}: {}", consumer,
                        event.headers().type(), event.headers().id(), attempt, backoff, e.toString());
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting out a transient failure", interrupted);
        }
    }

    /** The shared consumer protocol ({@link EventCheck}): headers, type on its topic, schema, key and subject. */
    private ReceivedEvent read(Message<byte[]> message) {
        Object topic = message.getHeaders().get(KafkaHeaders.RECEIVED_TOPIC);
        byte[] key = CloudEventMessages.receivedKey(message.getHeaders());
        byte[] payload = message.getPayload();
        CloudEventHeaders headers = EventCheck.validate(topic == null ? null : topic.toString(),
                CloudEventMessages.rawHeaders(message.getHeaders()), payload, validator);
        EventType<?> type = EventCheck.typeOf(headers);
        GuildhallEvent data;
        try {
            data = json.readValue(payload, type.recordClass());
        } catch (RuntimeException e) {
            throw new InvalidCloudEventException("data does not map to " + type.recordClass().getSimpleName() + ": " + e.getMessage());
        }
        EventCheck.requireAggregate(key == null ? null : new String(key, StandardCharsets.UTF_8), headers, data);
        return new ReceivedEvent(headers, data);
    }

    private Mono<Boolean> markProcessed(CloudEventHeaders headers) {
        return db.sql("""
                        INSERT INTO guildhall_processed_event (consumer, event_id, event_type)
                        VALUES (:consumer, :eventId, :type)
                        ON CONFLICT (consumer, event_id) DO NOTHING""")
                .bind("consumer", consumer)
                .bind("eventId", headers.id())
                .bind("type", headers.type())
                .fetch().rowsUpdated()
                .map(rows -> rows == 1);
    }
}
