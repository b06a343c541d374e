package io.guildhall.contracts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CloudEventHeadersTest {

    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    private static final CloudEventHeaders HEADERS = new CloudEventHeaders(
            "1b4e28ba-2fa1-4d3b-a3f5-ef19b5a7633b", "guildhall.community.founded.v1", "/community-service",
            Instant.parse("2026-03-02T09:30:00.123Z"), SampleEvents.COMMUNITY.toString(), TRACEPARENT);

    @Test
    void round_trips_through_kafka_headers() {
        assertEquals(HEADERS, CloudEventHeaders.fromKafkaHeaders(HEADERS.toKafkaHeaders()));
    }

    @Test
    void header_values_are_raw_utf8_not_json_strings() {
        Map<String, byte[]> headers = HEADERS.toKafkaHeaders();

        assertEquals(List.of("ce_id", "ce_type", "ce_source", "ce_specversion", "ce_time", "ce_subject",
                "content-type", "traceparent"), List.copyOf(headers.keySet()));
        assertBytes("1b4e28ba-2fa1-4d3b-a3f5-ef19b5a7633b", headers.get("ce_id"));
        assertBytes("guildhall.community.founded.v1", headers.get("ce_type"));
        assertBytes("/community-service", headers.get("ce_source"));
        assertBytes("1.0", headers.get("ce_specversion"));
        assertBytes("2026-03-02T09:30:00.123Z", headers.get("ce_time"));
        assertBytes(SampleEvents.COMMUNITY.toString(), headers.get("ce_subject"));
        assertBytes("application/json", headers.get("content-type"));
        assertBytes(TRACEPARENT, headers.get("traceparent"));
    }

    @Test
    void traceparent_is_optional() {
        CloudEventHeaders untraced = new CloudEventHeaders(HEADERS.id(), HEADERS.type(), HEADERS.source(),
                HEADERS.time(), HEADERS.subject(), null);

        Map<String, byte[]> headers = untraced.toKafkaHeaders();

        assertTrue(!headers.containsKey("traceparent"));
        assertEquals(untraced, CloudEventHeaders.fromKafkaHeaders(headers));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ce_id", "ce_type", "ce_source", "ce_specversion", "ce_time", "ce_subject", "content-type"})
    void a_missing_header_is_rejected_by_name(String header) {
        Map<String, byte[]> headers = HEADERS.toKafkaHeaders();
        headers.remove(header);

        assertRejected(headers, header);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ce_id", "ce_type", "ce_source", "ce_specversion", "ce_time", "ce_subject", "content-type"})
    void a_blank_header_is_rejected_by_name(String header) {
        Map<String, byte[]> headers = HEADERS.toKafkaHeaders();
        headers.put(header, " ".getBytes(StandardCharsets.UTF_8));

        assertRejected(headers, header);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ce_specversion | 0.3",
            "ce_specversion | \"1.0\"",
            "ce_time        | 2026-03-02 09:30",
            "ce_time        | \"2026-03-02T09:30:00Z\"",
            "content-type   | text/plain",
            "content-type   | application/cloudevents+json",
            "ce_source      | community service"})
    void a_malformed_header_is_rejected_by_name(String header, String value) {
        Map<String, byte[]> headers = HEADERS.toKafkaHeaders();
        headers.put(header, value.getBytes(StandardCharsets.UTF_8));

        assertRejected(headers, header);
    }

    @Test
    void accepts_a_json_content_type_with_parameters_and_a_time_with_an_offset() {
        Map<String, byte[]> headers = HEADERS.toKafkaHeaders();
        headers.put("content-type", "application/json; charset=utf-8".getBytes(StandardCharsets.UTF_8));
        headers.put("ce_time", "2026-03-02T10:30:00.123+01:00".getBytes(StandardCharsets.UTF_8));

        assertEquals(HEADERS, CloudEventHeaders.fromKafkaHeaders(headers));
    }

    @Test
    void a_malformed_traceparent_is_dropped_not_fatal() {
        Map<String, byte[]> headers = HEADERS.toKafkaHeaders();
        headers.put("traceparent", "not-a-trace".getBytes(StandardCharsets.UTF_8));

        assertNull(CloudEventHeaders.fromKafkaHeaders(headers).traceparent());
    }

    @Test
    void a_new_event_takes_its_type_from_the_catalog_and_its_subject_from_the_aggregate() {
        Instant time = Instant.parse("2026-03-02T09:30:00Z");

        CloudEventHeaders headers = CloudEventHeaders.newEvent(SampleEvents.founded(), "/community-service", time, TRACEPARENT);

        assertEquals(EventCatalog.COMMUNITY_FOUNDED.type(), headers.type());
        assertEquals(SampleEvents.COMMUNITY.toString(), headers.subject());
        assertEquals(time, headers.time());
        assertEquals(36, headers.id().length());
        assertTrue(!headers.id().equals(CloudEventHeaders.newEvent(SampleEvents.founded(), "/s", time, null).id()));
    }

    @Test
    void the_constructor_names_a_missing_attribute() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new CloudEventHeaders(
                "id", "type", " ", Instant.EPOCH, "subject", null));

        assertTrue(e.getMessage().contains("ce_source"), e.getMessage());
    }

    private static void assertRejected(Map<String, byte[]> headers, String header) {
        InvalidCloudEventException e = assertThrows(InvalidCloudEventException.class,
                () -> CloudEventHeaders.fromKafkaHeaders(new LinkedHashMap<>(headers)));
        assertTrue(e.getMessage().startsWith(header + " "), e.getMessage());
    }

    private static void assertBytes(String expected, byte[] actual) {
        assertArrayEquals(expected.getBytes(StandardCharsets.UTF_8), actual);
    }
}
