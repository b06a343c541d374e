package io.guildhall.support.messaging;

import io.guildhall.contracts.SchemaValidator;
import org.springframework.messaging.Message;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import tools.jackson.databind.json.JsonMapper;

import java.util.function.Consumer;

/**
 * Factory a service uses to declare its consumers:
 * {@code @Bean Consumer<Message<byte[]>> communityEvents(EventConsumers c) { return c.idempotent("membership-service", handler); }}
 */
public class EventConsumers {

    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final JsonMapper json;
    private final SchemaValidator validator;
    private final DeadLetterPublisher deadLetters;
    private final java.time.Duration transientBackoff;

    public EventConsumers(DatabaseClient db, TransactionalOperator tx, JsonMapper json, SchemaValidator validator,
                          DeadLetterPublisher deadLetters, java.time.Duration transientBackoff) {
        this.transientBackoff = transientBackoff;
        this.db = db;
        this.tx = tx;
        this.json = json;
        this.validator = validator;
        this.deadLetters = deadLetters;
    }

    public Consumer<Message<byte[]>> idempotent(String consumerName, EventHandler handler) {
        return new IdempotentEventConsumer(consumerName, handler, db, tx, json, validator, deadLetters, transientBackoff);
    }
}
