package io.guildhall.support.outbox;

import io.guildhall.support.messaging.CloudEventMessages;
import org.springframework.cloud.stream.function.StreamBridge;

/**
 * Publishes through Spring Cloud Stream. The Kafka binder's producers run with {@code sync: true}
 * (see guildhall-defaults.yml), so {@link StreamBridge#send} returns after the broker's acknowledgement
 * and throws when the send failed.
 */
public class StreamBridgeOutboxPublisher implements OutboxPublisher {

    private final StreamBridge streamBridge;

    public StreamBridgeOutboxPublisher(StreamBridge streamBridge) {
        this.streamBridge = streamBridge;
    }

    @Override
    public void publish(OutboxRow row) {
        boolean sent = streamBridge.send(row.topic(), CloudEventMessages.toMessage(row.headers(), row.key(), row.payload()));
        if (!sent) {
            throw new IllegalStateException("The binder did not accept event " + row.headers().id());
        }
    }
}
