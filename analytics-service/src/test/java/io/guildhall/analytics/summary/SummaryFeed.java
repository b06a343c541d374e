package io.guildhall.analytics.summary;

import io.guildhall.contracts.CloudEventHeaders;
import io.guildhall.contracts.EventCatalog;
import io.guildhall.contracts.EventType;
import io.guildhall.contracts.SchemaValidator;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/** People active for one week, and their logged minutes, as membership-service would publish them. */
final class SummaryFeed implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;

    SummaryFeed(String bootstrapServers) {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    }

    /** Full time (40 h) during the week starting {@code monday} only. */
    void person(String id, String department, LocalDate monday) {
        send(EventCatalog.PERSON_REGISTERED, id, """
                {"personId":"%s","displayName":"Synthetic","department":"%s","level":"IC","location":"Berlin",
                 "managerId":null,"weeklyHours":40,"weeklyHoursDefaulted":false,"active":true,"effectiveFrom":"%s",
                 "registeredAt":"%s"}""".formatted(id, department, monday, Instant.now()));
        send(EventCatalog.PERSON_DEACTIVATED, id, """
                {"personId":"%s","reason":"DISABLED","effectiveFrom":"%s","deactivatedAt":"%s"}"""
                .formatted(id, monday.plusDays(7), Instant.now()));
    }

    void contribution(String person, UUID community, LocalDate date, int minutes) {
        String id = UUID.randomUUID().toString();
        send(EventCatalog.CONTRIBUTION_LOGGED, id, """
                {"contributionId":"%s","personId":"%s","communityId":"%s","kind":"LEARNING","direction":"TAKING",
                 "date":"%s","minutes":%d,"loggedAt":"%s"}""".formatted(id, person, community, date, minutes,
                Instant.now()));
    }

    private void send(EventType<?> type, String key, String json) {
        byte[] value = json.getBytes(StandardCharsets.UTF_8);
        SchemaValidator.shared().requireValid(type.type(), value);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(type.topic(), key, value);
        new CloudEventHeaders(UUID.randomUUID().toString(), type.type(), "/summary-test", Instant.now(), key, null)
                .toKafkaHeaders().forEach((name, bytes) -> record.headers().add(name, bytes));
        try {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("Could not send " + type.type(), e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
