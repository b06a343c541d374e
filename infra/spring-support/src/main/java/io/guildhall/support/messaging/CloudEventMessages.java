package io.guildhall.support.messaging;

import io.guildhall.contracts.CloudEventHeaders;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.MessageBuilder;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** The one place where CloudEvents attributes become Spring message headers and back (binary mode). */
public final class CloudEventMessages {

    private CloudEventMessages() {
    }

    /** A message ready for the Kafka binder: JSON data as the value, the attributes as raw headers, the key set. */
    public static Message<byte[]> toMessage(CloudEventHeaders headers, String key, byte[] data) {
        MessageBuilder<byte[]> builder = MessageBuilder.withPayload(data)
                .setHeader(KafkaHeaders.KEY, key.getBytes(StandardCharsets.UTF_8));
        headers.toKafkaHeaders().forEach(builder::setHeader);
        return builder.build();
    }

    /** The headers of a received message as raw bytes, whatever the header mapper made of them. */
    public static Map<String, byte[]> rawHeaders(MessageHeaders headers) {
        Map<String, byte[]> raw = new LinkedHashMap<>();
        headers.forEach((name, value) -> {
            if (value instanceof byte[] bytes) {
                raw.put(name, bytes);
            } else if (value instanceof String text) {
                raw.put(name, text.getBytes(StandardCharsets.UTF_8));
            }
        });
        return raw;
    }

    /** The record key of a received message, if the binder passed it on. */
    public static byte[] receivedKey(MessageHeaders headers) {
        Object key = headers.get(KafkaHeaders.RECEIVED_KEY);
        if (key instanceof byte[] bytes) {
            return bytes;
        }
        return key == null ? null : key.toString().getBytes(StandardCharsets.UTF_8);
    }
}
