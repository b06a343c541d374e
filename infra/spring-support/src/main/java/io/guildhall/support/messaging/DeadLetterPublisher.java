package io.guildhall.support.messaging;

import io.guildhall.contracts.CloudEventHeaders;
import io.guildhall.contracts.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

import java.nio.charset.StandardCharsets;

/**
 * Sends a message that cannot be processed to {@code <topic>.dlt}, unchanged, with the reason and the
 * consumer in headers. The send waits for the broker's ack (sync producers) so nothing is lost.
 */
public class DeadLetterPublisher {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterPublisher.class);

    private final StreamBridge streamBridge;

    public DeadLetterPublisher(StreamBridge streamBridge) {
        this.streamBridge = streamBridge;
    }

    public void deadLetter(String consumer, Message<byte[]> message, String reason) {
        String topic = String.valueOf(message.getHeaders().get(KafkaHeaders.RECEIVED_TOPIC));
        String deadLetterTopic = Topics.deadLetterOf(topic);
        MessageBuilder<byte[]> builder = MessageBuilder.withPayload(message.getPayload() == null ? new byte[0] : message.getPayload());
        CloudEventMessages.rawHeaders(message.getHeaders()).forEach((name, value) -> {
            if (name.startsWith("ce_") || name.equals(CloudEventHeaders.CONTENT_TYPE) || name.equals(CloudEventHeaders.TRACEPARENT)) {
                builder.setHeader(name, value);
            }
        });
        byte[] key = CloudEventMessages.receivedKey(message.getHeaders());
        if (key != null) {
            builder.setHeader(KafkaHeaders.KEY, key);
        }
        builder.setHeader(CloudEventHeaders.DEAD_LETTER_REASON, reason.getBytes(StandardCharsets.UTF_8));
        builder.setHeader(CloudEventHeaders.DEAD_LETTER_CONSUMER, consumer.getBytes(StandardCharsets.UTF_8));
        log.warn("{} dead-letters a message from {} to {}: {}", consumer, topic, deadLetterTopic, reason);
        if (!streamBridge.send(deadLetterTopic, builder.build())) {
            throw new IllegalStateException("Dead-letter topic " + deadLetterTopic + " did not accept the message");
        }
    }
}
