package io.guildhall.analytics.summary;

import io.guildhall.analytics.participation.Period;
import io.guildhall.contracts.CloudEventHeaders;
import io.guildhall.contracts.EventCatalog;
import io.guildhall.contracts.SchemaValidator;
import io.guildhall.contracts.participation.ParticipationSummarised;
import io.micronaut.configuration.kafka.ProducerRegistry;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.SerdeImport;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Publishes a week's department summaries on {@code guildhall.participation.v1}. The {@code ce_id} is a name-based
 * UUID of type, department and week: publishing a week again (the job re-run, an administrator's request) sends the
 * same ids, which every idempotent consumer skips. Each send is awaited, so a failure surfaces to the caller.
 */
@Singleton
@SerdeImport(ParticipationSummarised.class)
public class SummaryPublisher {

    static final String SOURCE = "/analytics-service";
    private static final Logger LOG = LoggerFactory.getLogger(SummaryPublisher.class);
    private static final long SEND_TIMEOUT_SECONDS = 30;

    private final WeeklySummaries summaries;
    private final JsonMapper json;
    private final SchemaValidator validator;
    private final Producer<String, byte[]> producer;

    public SummaryPublisher(WeeklySummaries summaries, JsonMapper json, SchemaValidator validator,
                            ProducerRegistry producers) {
        this.summaries = summaries;
        this.json = json;
        this.validator = validator;
        this.producer = producers.getProducer("analytics-service-summaries", Argument.STRING,
                Argument.of(byte[].class));
    }

    public static String eventId(String department, String isoWeek) {
        String name = EventCatalog.PARTICIPATION_SUMMARISED.type() + "/" + department + "/" + isoWeek;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** @return what was published, one per department that may be shown */
    public List<Published> publish(Period week, LocalDate today, Clock clock) {
        Instant now = clock.instant();
        List<Published> published = new ArrayList<>();
        for (ParticipationSummarised summary : summaries.of(week, today, now)) {
            String id = eventId(summary.department(), summary.isoWeek());
            send(summary, new CloudEventHeaders(id, EventCatalog.PARTICIPATION_SUMMARISED.type(), SOURCE, now,
                    summary.aggregateId(), null));
            published.add(new Published(summary.department(), summary.isoWeek(), id, summary.peopleCounted()));
        }
        LOG.info("Published {} participation summaries for {}", published.size(), week.label());
        return published;
    }

    private void send(ParticipationSummarised summary, CloudEventHeaders headers) {
        byte[] value;
        try {
            value = json.writeValueAsBytes(summary);
        } catch (IOException e) {
            throw new IllegalStateException("Could not write " + summary, e);
        }
        // A summary that breaks its own contract must never reach other systems.
        validator.requireValid(headers.type(), value);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(EventCatalog.PARTICIPATION_SUMMARISED.topic(),
                summary.aggregateId(), value);
        headers.toKafkaHeaders().forEach((name, bytes) -> record.headers().add(name, bytes));
        try {
            producer.send(record).get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted publishing " + headers.id(), e);
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish participation summary " + headers.id(), e);
        }
    }
}
