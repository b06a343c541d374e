package io.guildhall.contracts.consumer;

import io.guildhall.contracts.CloudEventHeaders;
import io.guildhall.contracts.EventCatalog;
import io.guildhall.contracts.EventType;
import io.guildhall.contracts.GuildhallEvent;
import io.guildhall.contracts.InvalidCloudEventException;
import io.guildhall.contracts.SchemaValidator;

import java.util.Map;
import java.util.Objects;

/**
 * The one consumer protocol of Guildhall, for every consumer (spring-support's and analytics-service's): what a
 * record must be before its event is applied. Every failure is an {@link InvalidCloudEventException} whose message is
 * the dead-letter reason; such a record goes to the dead-letter topic at once, never retried.
 * <ol>
 *   <li>{@link #validate}: the CloudEvents headers are complete, the type is in the catalogue and belongs on the
 *   topic the record came from (its catalogue topic, or a namespaced copy {@code <namespace>.<topic>} as tests and
 *   shared clusters use), the data is there and valid against the type's JSON Schema.</li>
 *   <li>The consumer reads the data as its contract record with its own JSON library.</li>
 *   <li>{@link #requireAggregate}: the record key and {@code ce_subject} both name the event's aggregate, which decide
 *   its partition (order) and identity.</li>
 * </ol>
 */
public final class EventCheck {

    private EventCheck() {
    }

    /** @param topic the topic the record was read from; null when the consumer cannot tell (then not checked) */
    public static CloudEventHeaders validate(String topic, Map<String, byte[]> rawHeaders, byte[] data,
                                             SchemaValidator schemas) {
        CloudEventHeaders headers = CloudEventHeaders.fromKafkaHeaders(rawHeaders);
        EventType<?> type = typeOf(headers);
        if (topic != null && !type.topic().equals(topic) && !topic.endsWith("." + type.topic())) {
            throw new InvalidCloudEventException(CloudEventHeaders.TYPE + " " + headers.type()
                    + " belongs on topic " + type.topic() + ", not " + topic);
        }
        if (data == null || data.length == 0) {
            throw new InvalidCloudEventException("empty data");
        }
        schemas.requireValid(headers.type(), data);
        return headers;
    }

    public static EventType<?> typeOf(CloudEventHeaders headers) {
        return EventCatalog.byType(headers.type()).orElseThrow(() -> new InvalidCloudEventException(
                "unknown " + CloudEventHeaders.TYPE + " " + headers.type() + ": not in the event catalog"));
    }

    /** @param key the record key; null when the consumer cannot tell (then only the subject is checked) */
    public static void requireAggregate(String key, CloudEventHeaders headers, GuildhallEvent event) {
        if (event == null) {
            throw new InvalidCloudEventException("data of " + headers.type() + " is null");
        }
        String aggregateId = event.aggregateId();
        if (key != null && !Objects.equals(key, aggregateId)) {
            throw new InvalidCloudEventException("record key " + key + " is not the event's aggregate id "
                    + aggregateId);
        }
        if (!Objects.equals(headers.subject(), aggregateId)) {
            throw new InvalidCloudEventException(CloudEventHeaders.SUBJECT + " " + headers.subject()
                    + " is not the event's aggregate id " + aggregateId);
        }
    }
}
