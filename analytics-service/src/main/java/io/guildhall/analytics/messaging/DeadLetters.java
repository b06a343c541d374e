package io.guildhall.analytics.messaging;

import io.guildhall.contracts.CloudEventHeaders;
import io.guildhall.contracts.Topics;
import io.micronaut.configuration.kafka.ProducerRegistry;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.type.Argument;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Parks a record this service cannot read on {@code <topic>.dlt}: original key, value and headers, plus the reason
 * and the consumer's name as raw UTF-8 headers. The send is awaited, so the caller moves its offset on only once the
 * broker holds the dead letter.
 */
@Singleton
public class DeadLetters {

    /** Kafka's default header size limit is generous, but a reason quoting a huge payload helps nobody. */
    static final int MAX_REASON_LENGTH = 4000;

    private final Producer<String, byte[]> producer;
    private final Duration sendTimeout;

    public DeadLetters(ProducerRegistry producers,
                               @Value("${guildhall.kafka.dead-letter-timeout:30s}") Duration sendTimeout) {
        this.producer = producers.getProducer("analytics-service-dead-letters", Argument.STRING, Argument.of(byte[].class));
        this.sendTimeout = sendTimeout;
    }

    /**
     * @throws DeadLetterFailedException when the broker did not acknowledge in time; the record must then be retried
     */
    public void publish(ConsumerRecord<String, byte[]> record, String consumer, String reason) {
        await(send(record, consumer, reason));
    }

    /** A dead letter sent and not yet acknowledged. */
    public record Pending(String topic, Future<RecordMetadata> ack) {
    }

    /** Sends the dead letter without waiting; {@link #await} it before the record's offset may be committed. */
    public Pending send(ConsumerRecord<String, byte[]> record, String consumer, String reason) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            // A re-dead-lettered record must carry one reason: ours, not a stale one.
            if (!header.key().equals(CloudEventHeaders.DEAD_LETTER_REASON)
                    && !header.key().equals(CloudEventHeaders.DEAD_LETTER_CONSUMER)) {
                headers.add(header);
            }
        }
        headers.add(CloudEventHeaders.DEAD_LETTER_REASON, utf8(truncate(reason)));
        headers.add(CloudEventHeaders.DEAD_LETTER_CONSUMER, utf8(consumer));
        ProducerRecord<String, byte[]> deadLetter = new ProducerRecord<>(
                Topics.deadLetterOf(record.topic()), null, record.key(), record.value(), headers);
        return new Pending(deadLetter.topic(), producer.send(deadLetter));
    }

    /**
     * Sends what {@link #send} has buffered now, without waiting out the producer's linger (5 ms by default since
     * Kafka 4): a batch with a poison record waits for its dead letter before it commits its offsets. Returns once
     * they are acknowledged or have failed; with the broker away that takes up to the producer's delivery timeout
     * (2 minutes), and the awaits that follow then fail at once, so the records are read again.
     */
    public void sendNow() {
        producer.flush();
    }

    /**
     * @throws DeadLetterFailedException when the broker did not acknowledge in time; the record must then be retried
     */
    public void await(Pending sent) {
        try {
            sent.ack().get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeadLetterFailedException(sent.topic(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new DeadLetterFailedException(sent.topic(), e);
        }
    }

    private static String truncate(String reason) {
        String text = reason == null || reason.isBlank() ? "unspecified" : reason;
        return text.length() <= MAX_REASON_LENGTH ? text : text.substring(0, MAX_REASON_LENGTH - 1) + "…";
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    /** The dead letter was not acknowledged: the original record is not handled yet and must not be committed. */
    public static final class DeadLetterFailedException extends RuntimeException {
        DeadLetterFailedException(String topic, Throwable cause) {
            super("Could not publish a dead letter to " + topic + ": " + cause.getMessage(), cause);
        }
    }
}
