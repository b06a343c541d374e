package io.guildhall.support.outbox;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.beans.factory.DisposableBean;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Sends outbox rows with a plain Kafka producer: idempotent, {@code acks=all}, and a short linger so that a
 * round's rows leave in a few batched requests rather than one request per row. With idempotence the broker
 * keeps the order of one partition even when the producer retries, so a key's rows arrive in outbox order.
 * The CloudEvents attributes go as raw UTF-8 headers (binary content mode), the payload as the value.
 */
public class KafkaOutboxPublisher implements OutboxPublisher, DisposableBean {

    private final KafkaProducer<byte[], byte[]> producer;
    private final OutboxTracing tracing;

    public KafkaOutboxPublisher(String bootstrapServers, Map<String, Object> overrides) {
        this(bootstrapServers, overrides, OutboxTracing.NONE);
    }

    public KafkaOutboxPublisher(String bootstrapServers, Map<String, Object> overrides, OutboxTracing tracing) {
        this.tracing = tracing;
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "guildhall-outbox");
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        // An unreachable broker fails a round within seconds; the relay then retries with backoff, without end.
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10000);
        config.putAll(overrides);
        this.producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
    }

    @Override
    public CompletableFuture<Void> send(OutboxRow row) {
        CompletableFuture<Void> acked = new CompletableFuture<>();
        OutboxTracing.Sending sending = tracing.start(row);
        try {
            ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(row.topic(),
                    row.key().getBytes(StandardCharsets.UTF_8), row.payload());
            row.headers().withTraceparent(sending.traceparent()).toKafkaHeaders()
                    .forEach((name, value) -> record.headers().add(name, value));
            producer.send(record, (metadata, error) -> {
                if (error == null) {
                    sending.sent();
                    acked.complete(null);
                } else {
                    sending.failed(error);
                    acked.completeExceptionally(error);
                }
            });
        } catch (RuntimeException error) {
            sending.failed(error);
            acked.completeExceptionally(error);
        }
        return acked;
    }

    @Override
    public void destroy() {
        producer.close(Duration.ofSeconds(5));
    }
}
