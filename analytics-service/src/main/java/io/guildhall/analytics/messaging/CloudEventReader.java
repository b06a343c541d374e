package io.guildhall.analytics.messaging;

import io.guildhall.contracts.CloudEventHeaders;
import io.guildhall.contracts.EventType;
import io.guildhall.contracts.GuildhallEvent;
import io.guildhall.contracts.InvalidCloudEventException;
import io.guildhall.contracts.SchemaValidator;
import io.guildhall.contracts.consumer.EventCheck;
import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Turns a Kafka record into a checked Guildhall event, or says precisely why it cannot: every failure is an
 * {@link InvalidCloudEventException} whose message becomes the dead-letter reason. The checks are the shared
 * consumer protocol ({@link EventCheck}), the same as the Spring services'.
 */
@Singleton
public class CloudEventReader {

    private final SchemaValidator schemaValidator;
    private final ObjectMapper objectMapper;

    public CloudEventReader(SchemaValidator schemaValidator, ObjectMapper objectMapper) {
        this.schemaValidator = schemaValidator;
        this.objectMapper = objectMapper;
    }

    /** Checks the CloudEvents headers, that the type belongs on this topic, and the data against its schema. */
    public CloudEventHeaders validate(ConsumerRecord<String, byte[]> record) {
        return EventCheck.validate(record.topic(), headersOf(record), record.value(), schemaValidator);
    }

    /**
     * Reads the data of an already {@link #validate validated} record as its contract record, and checks that the
     * record key and {@code ce_subject} both name the event's aggregate (they decide ordering and identity).
     */
    public <T extends GuildhallEvent> T decode(ConsumerRecord<String, byte[]> record, CloudEventHeaders headers,
                                               EventType<T> type) {
        T event;
        try {
            event = objectMapper.readValue(record.value(), type.recordClass());
        } catch (IOException | RuntimeException e) {
            throw new InvalidCloudEventException("data of " + type.type() + " cannot be read as "
                    + type.recordClass().getSimpleName() + ": " + e.getMessage());
        }
        EventCheck.requireAggregate(record.key(), headers, event);
        return event;
    }

    /** The record's headers by name; a repeated header counts with its last value, as Kafka's lastHeader does. */
    static Map<String, byte[]> headersOf(ConsumerRecord<?, ?> record) {
        Map<String, byte[]> headers = new HashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), header.value());
        }
        return headers;
    }
}
