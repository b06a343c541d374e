package io.guildhall.support.messaging;

import io.guildhall.contracts.CloudEventHeaders;
import io.guildhall.contracts.Topics;
import io.guildhall.contracts.consumer.ConsumerMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

import java.nio.charset.StandardCharsets;

/**
 * Sends a message that cannot be processed to {@code <topic>.dlt}, unchanged, with the reason and the
 * consumer in headers. The send waits for the broker's ack (sync producers) so nothing is lost. Each one counts in
 * {@code guildhall_consumer_records_total{outcome="dead_lettered"}}, the metric analytics' consumer counts in too,
 * which the alert {@code GuildhallEventsDeadLettered} watches (infra/observability/prometheus).
 */
public class DeadLetterPublisher {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterPublisher.class);

    private final StreamBridge streamBridge;
    private final MeterRegistry meters;

    public DeadLetterPublisher(StreamBridge streamBridge) {
        this(streamBridge, Metrics.globalRegistry);
    }

    public DeadLetterPublisher(StreamBridge streamBridge, MeterRegistry meters) {
        this.streamBridge = streamBridge;
        this.meters = meters;
    }

    /**
     * Counts a record's outcome for a consumer: {@code dead_lettered} whichever path sent it (this publisher or the
     * binder's DLQ), {@code failed} for each try that failed transiently and will be retried.
     */
    public void count(String consumer, String topic, String outcome) {
        Counter.builder(ConsumerMetrics.RECORDS)
                .description("Records consumed, by outcome: dead_lettered (sent to <topic>.dlt with the reason) or"
                        + " failed (a transient failure, to be retried; a rising count means a waiting partition)")
                .tag("consumer", consumer)
                .tag("topic", topic)
                .tag("outcome", outcome)
                .register(meters)
                .increment();
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
        count(consumer, topic, ConsumerMetrics.DEAD_LETTERED);
    }
}
