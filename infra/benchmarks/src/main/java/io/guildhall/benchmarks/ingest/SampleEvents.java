package io.guildhall.benchmarks.ingest;

import io.guildhall.contracts.CloudEventHeaders;
import io.guildhall.contracts.GuildhallEvent;
import io.guildhall.contracts.SchemaValidator;
import io.guildhall.contracts.Topics;
import io.guildhall.contracts.community.CommunityFounded;
import io.guildhall.contracts.event.AttendanceRecorded;
import org.apache.kafka.clients.producer.ProducerRecord;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Valid events as the services publish them: contract records as JSON, CloudEvents headers in Kafka binary mode,
 * the aggregate id as key. Each one is checked against its JSON Schema before it is sent, so that a dead-lettered
 * record can never pass for an ingested one.
 */
public final class SampleEvents {

    /** How many attendances each sample event (the calendar kind) gets. */
    private static final int ATTENDEES_PER_EVENT = 40;

    private final JsonMapper json = JsonMapper.builder().build();
    private final SchemaValidator validator = SchemaValidator.shared();
    private final Random random = new Random(42);

    /** {@code count} attendances at {@code count / 40} events held over the last 12 weeks by 500 people. */
    public List<ProducerRecord<String, byte[]>> attendances(int count) {
        List<String> people = ids(500);
        List<String> communities = ids(20);
        String organiser = UUID.randomUUID().toString();
        Instant today = Instant.now().truncatedTo(ChronoUnit.DAYS);
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>(count);
        UUID eventId = null;
        Instant startsAt = null;
        String category = null;
        String communityId = null;
        for (int i = 0; i < count; i++) {
            if (i % ATTENDEES_PER_EVENT == 0) {
                eventId = UUID.randomUUID();
                startsAt = today.minus(Duration.ofDays(random.nextInt(84))).plus(Duration.ofHours(9 + random.nextInt(8)));
                category = List.of("TRAINING", "SPORTS", "PARTY", "CONFERENCE", "COMMUNITY_MEETUP").get(random.nextInt(5));
                communityId = communities.get(random.nextInt(communities.size()));
            }
            Instant endsAt = startsAt.plus(Duration.ofMinutes(90));
            AttendanceRecorded attendance = new AttendanceRecorded(eventId,
                    people.get((i * 7 + random.nextInt(3)) % people.size()), UUID.fromString(communityId), category,
                    startsAt, endsAt, "Europe/Berlin", 30 + random.nextInt(61), "ORGANISER", organiser, endsAt, false);
            records.add(record(Topics.EVENT, attendance, "/event-service", endsAt));
        }
        return records;
    }

    /** {@code count} communities founded over the last year. */
    public List<ProducerRecord<String, byte[]>> communitiesFounded(int count) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            UUID id = UUID.randomUUID();
            String slug = "bench-" + id.toString().substring(0, 13);
            CommunityFounded founded = new CommunityFounded(id, slug, "Bench Circle " + slug,
                    "A community published by the ingest benchmark", "benchmarking",
                    i % 3 == 0 ? "REQUEST_TO_JOIN" : "OPEN", UUID.randomUUID().toString(),
                    now.minus(Duration.ofMinutes(random.nextInt(525_600))));
            records.add(record(Topics.COMMUNITY, founded, "/community-service", founded.foundedAt()));
        }
        return records;
    }

    private ProducerRecord<String, byte[]> record(String topic, GuildhallEvent event, String source, Instant time) {
        CloudEventHeaders headers = CloudEventHeaders.newEvent(event, source, time, traceparent());
        byte[] value = json.writeValueAsBytes(event);
        validator.requireValidEvent(headers.toKafkaHeaders(), value);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, event.aggregateId(), value);
        for (Map.Entry<String, byte[]> header : headers.toKafkaHeaders().entrySet()) {
            record.headers().add(header.getKey(), header.getValue());
        }
        return record;
    }

    private String traceparent() {
        return String.format("00-%016x%016x-%016x-01", random.nextLong() | 1, random.nextLong() | 1, random.nextLong() | 1);
    }

    private static List<String> ids(int count) {
        List<String> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ids.add(UUID.randomUUID().toString());
        }
        return ids;
    }
}
