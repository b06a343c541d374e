package io.guildhall.analytics.messaging;

import io.guildhall.contracts.CloudEventHeaders;
import io.guildhall.contracts.EventCatalog;
import io.guildhall.contracts.InvalidCloudEventException;
import io.guildhall.contracts.SchemaValidator;
import io.guildhall.contracts.Topics;
import io.guildhall.contracts.community.CommunityFounded;
import io.micronaut.serde.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CloudEventReaderTest {

    private static final String FOUNDED = EventCatalog.COMMUNITY_FOUNDED.type();

    private final CloudEventReader reader = new CloudEventReader(SchemaValidator.shared(), ObjectMapper.getDefault());
    private final UUID communityId = UUID.randomUUID();

    @Test
    void reads_a_valid_community_founded() {
        ConsumerRecord<String, byte[]> record = record(Topics.COMMUNITY, communityId.toString(),
                headers(FOUNDED, communityId.toString()), foundedJson(communityId, "OPEN"));

        CloudEventHeaders headers = reader.validate(record);
        CommunityFounded event = reader.decode(record, headers, EventCatalog.COMMUNITY_FOUNDED);

        assertEquals(FOUNDED, headers.type());
        assertEquals(new CommunityFounded(communityId, "jvm-guild", "JVM Guild", "All things JVM", "java",
                "OPEN", "grace-id", Instant.parse("2026-03-02T09:15:00Z"), null), event);
    }

    @Test
    void reads_the_optional_sponsor() {
        String json = new String(foundedJson(communityId, "OPEN"), StandardCharsets.UTF_8)
                .replace("}", ", \"sponsorId\": \"katherine-id\"}");
        ConsumerRecord<String, byte[]> record = record(Topics.COMMUNITY, communityId.toString(),
                headers(FOUNDED, communityId.toString()), json.getBytes(StandardCharsets.UTF_8));

        CommunityFounded event = reader.decode(record, reader.validate(record), EventCatalog.COMMUNITY_FOUNDED);

        assertEquals("katherine-id", event.sponsorId());
    }

    @Test
    void rejects_a_missing_type() {
        RecordHeaders headers = headers(FOUNDED, communityId.toString());
        headers.remove(CloudEventHeaders.TYPE);

        InvalidCloudEventException e = assertThrows(InvalidCloudEventException.class, () -> reader.validate(
                record(Topics.COMMUNITY, communityId.toString(), headers, foundedJson(communityId, "OPEN"))));

        assertTrue(e.getMessage().contains(CloudEventHeaders.TYPE), e.getMessage());
    }

    @Test
    void rejects_a_type_outside_the_catalog() {
        InvalidCloudEventException e = assertThrows(InvalidCloudEventException.class, () -> reader.validate(
                record(Topics.COMMUNITY, communityId.toString(), headers("guildhall.community.renamed.v9",
                        communityId.toString()), foundedJson(communityId, "OPEN"))));

        assertTrue(e.getMessage().contains("guildhall.community.renamed.v9"), e.getMessage());
    }

    @Test
    void rejects_a_type_on_the_wrong_topic() {
        InvalidCloudEventException e = assertThrows(InvalidCloudEventException.class, () -> reader.validate(
                record("guildhall.event.v1", communityId.toString(), headers(FOUNDED, communityId.toString()),
                        foundedJson(communityId, "OPEN"))));

        assertTrue(e.getMessage().contains("belongs on topic " + Topics.COMMUNITY), e.getMessage());
    }

    @Test
    void rejects_data_that_is_not_json() {
        InvalidCloudEventException e = assertThrows(InvalidCloudEventException.class, () -> reader.validate(
                record(Topics.COMMUNITY, communityId.toString(), headers(FOUNDED, communityId.toString()),
                        "{\"communityId\": ".getBytes(StandardCharsets.UTF_8))));

        assertTrue(e.getMessage().contains("not JSON"), e.getMessage());
    }

    @Test
    void rejects_data_that_violates_the_schema_naming_the_field() {
        InvalidCloudEventException e = assertThrows(InvalidCloudEventException.class, () -> reader.validate(
                record(Topics.COMMUNITY, communityId.toString(), headers(FOUNDED, communityId.toString()),
                        foundedJson(communityId, "SECRET"))));

        assertTrue(e.getMessage().contains("visibility"), e.getMessage());
    }

    @Test
    void rejects_a_key_that_is_not_the_aggregate_id() {
        ConsumerRecord<String, byte[]> record = record(Topics.COMMUNITY, "another-key",
                headers(FOUNDED, communityId.toString()), foundedJson(communityId, "OPEN"));
        CloudEventHeaders headers = reader.validate(record);

        InvalidCloudEventException e = assertThrows(InvalidCloudEventException.class,
                () -> reader.decode(record, headers, EventCatalog.COMMUNITY_FOUNDED));

        assertTrue(e.getMessage().contains("record key another-key"), e.getMessage());
    }

    @Test
    void rejects_a_subject_that_is_not_the_aggregate_id() {
        ConsumerRecord<String, byte[]> record = record(Topics.COMMUNITY, communityId.toString(),
                headers(FOUNDED, "someone-else"), foundedJson(communityId, "OPEN"));
        CloudEventHeaders headers = reader.validate(record);

        InvalidCloudEventException e = assertThrows(InvalidCloudEventException.class,
                () -> reader.decode(record, headers, EventCatalog.COMMUNITY_FOUNDED));

        assertTrue(e.getMessage().contains(CloudEventHeaders.SUBJECT), e.getMessage());
    }

    @Test
    void a_repeated_header_counts_with_its_last_value() {
        RecordHeaders headers = headers(FOUNDED, communityId.toString());
        headers.add(CloudEventHeaders.ID, "second".getBytes(StandardCharsets.UTF_8));

        Map<String, byte[]> byName = CloudEventReader.headersOf(
                record(Topics.COMMUNITY, communityId.toString(), headers, new byte[0]));

        assertEquals("second", new String(byName.get(CloudEventHeaders.ID), StandardCharsets.UTF_8));
        assertNull(byName.get("absent"));
    }

    static RecordHeaders headers(String type, String subject) {
        RecordHeaders headers = new RecordHeaders();
        new CloudEventHeaders(UUID.randomUUID().toString(), type, "/community-service",
                Instant.parse("2026-03-02T09:15:01Z"), subject, null)
                .toKafkaHeaders().forEach(headers::add);
        return headers;
    }

    static byte[] foundedJson(UUID communityId, String visibility) {
        return """
                {"communityId": "%s", "slug": "jvm-guild", "name": "JVM Guild", "description": "All things JVM",
                 "practiceArea": "java", "visibility": "%s", "foundedBy": "grace-id",
                 "foundedAt": "2026-03-02T09:15:00Z"}""".formatted(communityId, visibility)
                .getBytes(StandardCharsets.UTF_8);
    }

    static ConsumerRecord<String, byte[]> record(String topic, String key, RecordHeaders headers, byte[] value) {
        return new ConsumerRecord<>(topic, 0, 42L, 0L, TimestampType.CREATE_TIME, -1, -1, key, value, headers,
                Optional.empty());
    }
}
