package io.guildhall.contracts;

import io.guildhall.contracts.community.CommunityFounded;
import io.guildhall.contracts.community.GoalSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SchemaValidatorTest {

    private static final String FOUNDED = EventCatalog.COMMUNITY_FOUNDED.type();
    private final SchemaValidator validator = SchemaValidator.shared();

    static List<GuildhallEvent> samples() {
        return SampleEvents.all();
    }

    @Test
    void the_samples_cover_every_catalog_type() {
        Set<String> sampled = SampleEvents.all().stream().map(e -> EventCatalog.typeOf(e).type()).collect(Collectors.toSet());
        Set<String> catalog = EventCatalog.all().stream().map(EventType::type).collect(Collectors.toSet());
        assertEquals(catalog, sampled);
    }

    @ParameterizedTest
    @MethodSource("samples")
    void accepts_a_serialized_valid_event(GuildhallEvent event) {
        String type = EventCatalog.typeOf(event).type();

        assertEquals(List.of(), validator.validate(type, SampleEvents.json(event)));
    }

    @ParameterizedTest
    @MethodSource("samples")
    void accepts_optional_fields_left_out_instead_of_null(GuildhallEvent event) {
        ObjectNode json = tree(event);
        List<String> nulls = json.properties().stream().filter(p -> p.getValue().isNull()).map(Map.Entry::getKey).toList();
        json.remove(nulls);

        assertEquals(List.of(), validator.validate(EventCatalog.typeOf(event).type(), bytes(json)));
    }

    @ParameterizedTest
    @MethodSource("samples")
    void the_aggregate_id_is_the_community(GuildhallEvent event) {
        String keyProperty = SampleEvents.KEY_PROPERTIES.get(EventCatalog.typeOf(event).topic());
        assertEquals(tree(event).path(keyProperty).asString(), event.aggregateId(), keyProperty);
    }

    @Test
    void rejects_an_extra_property() {
        ObjectNode json = tree(SampleEvents.founded());
        json.put("memberCount", 3);

        assertViolation(validator.validate(FOUNDED, bytes(json)), "memberCount");
    }

    @Test
    void rejects_a_missing_required_property() {
        ObjectNode json = tree(SampleEvents.founded());
        json.remove("foundedBy");

        assertViolation(validator.validate(FOUNDED, bytes(json)), "foundedBy");
    }

    @Test
    void rejects_null_for_a_required_property() {
        ObjectNode json = tree(SampleEvents.founded());
        json.putNull("name");

        assertViolation(validator.validate(FOUNDED, bytes(json)), "name");
    }

    @Test
    void rejects_a_malformed_uuid() {
        ObjectNode json = tree(SampleEvents.founded());
        json.put("communityId", "community-42");

        assertViolation(validator.validate(FOUNDED, bytes(json)), "communityId");
    }

    @Test
    void rejects_a_malformed_timestamp() {
        ObjectNode json = tree(SampleEvents.founded());
        json.put("foundedAt", "2026-03-02 09:30");

        assertViolation(validator.validate(FOUNDED, bytes(json)), "foundedAt");
    }

    @Test
    void rejects_a_malformed_date() {
        ObjectNode json = tree(sample(GoalSet.class));
        json.put("dueDate", "2026-02-30");

        assertViolation(validator.validate(EventCatalog.GOAL_SET.type(), bytes(json)), "dueDate");
    }

    @Test
    void rejects_a_value_outside_the_enum() {
        ObjectNode json = tree(SampleEvents.founded());
        json.put("visibility", "SECRET");

        assertViolation(validator.validate(FOUNDED, bytes(json)), "visibility");
    }

    @Test
    void rejects_a_number_written_as_a_string() {
        ObjectNode json = tree(sample(GoalSet.class));
        json.put("target", "12");

        assertViolation(validator.validate(EventCatalog.GOAL_SET.type(), bytes(json)), "target");
    }

    @Test
    void reports_every_violation_not_only_the_first() {
        ObjectNode json = tree(SampleEvents.founded());
        json.remove("slug");
        json.put("communityId", "x");

        List<String> violations = validator.validate(FOUNDED, bytes(json));

        assertViolation(violations, "slug");
        assertViolation(violations, "communityId");
    }

    @Test
    void an_unknown_type_is_a_violation() {
        List<String> violations = validator.validate("guildhall.community.renamed.v1", SampleEvents.json(SampleEvents.founded()));

        assertViolation(violations, "guildhall.community.renamed.v1");
    }

    @Test
    void a_missing_type_is_a_violation() {
        assertViolation(validator.validate(null, SampleEvents.json(SampleEvents.founded())), CloudEventHeaders.TYPE);
    }

    @Test
    void data_that_is_not_json_is_a_violation() {
        assertViolation(validator.validate(FOUNDED, "{\"communityId\": ".getBytes(StandardCharsets.UTF_8)), "not JSON");
        assertViolation(validator.validate(FOUNDED, "{} trailing".getBytes(StandardCharsets.UTF_8)), "not JSON");
        assertViolation(validator.validate(FOUNDED, new byte[0]), "missing");
    }

    @Test
    void a_duplicated_property_is_a_violation() {
        String json = new String(SampleEvents.json(SampleEvents.founded()), StandardCharsets.UTF_8)
                .replaceFirst("\\{", "{\"name\":\"Other\",");

        assertViolation(validator.validate(FOUNDED, json.getBytes(StandardCharsets.UTF_8)), "name");
    }

    @Test
    void require_valid_throws_with_the_reasons() {
        ObjectNode json = tree(SampleEvents.founded());
        json.remove("foundedBy");

        InvalidCloudEventException e = assertThrows(InvalidCloudEventException.class,
                () -> validator.requireValid(FOUNDED, bytes(json)));

        assertTrue(e.getMessage().contains(FOUNDED) && e.getMessage().contains("foundedBy"), e.getMessage());
    }

    @Test
    void require_valid_event_checks_headers_then_data() {
        CommunityFounded event = SampleEvents.founded();
        Map<String, byte[]> headers = CloudEventHeaders.newEvent(event, "/community-service", Instant.now(), null)
                .toKafkaHeaders();

        CloudEventHeaders read = validator.requireValidEvent(headers, SampleEvents.json(event));
        assertEquals(FOUNDED, read.type());

        headers.remove(CloudEventHeaders.SUBJECT);
        InvalidCloudEventException e = assertThrows(InvalidCloudEventException.class,
                () -> validator.requireValidEvent(headers, SampleEvents.json(event)));
        assertTrue(e.getMessage().contains(CloudEventHeaders.SUBJECT), e.getMessage());
    }

    @Test
    void one_validator_serves_concurrent_callers() throws Exception {
        SchemaValidator fresh = new SchemaValidator();
        byte[] valid = SampleEvents.json(SampleEvents.founded());
        ObjectNode broken = tree(SampleEvents.founded());
        broken.put("communityId", "x");
        byte[] invalid = bytes(broken);
        List<Callable<Boolean>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            calls.add(() -> {
                for (int n = 0; n < 200; n++) {
                    if (!fresh.validate(FOUNDED, valid).isEmpty() || fresh.validate(FOUNDED, invalid).size() != 1) {
                        return false;
                    }
                }
                return true;
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (Future<Boolean> result : pool.invokeAll(calls)) {
                assertTrue(result.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shared_is_one_instance() {
        assertSame(SchemaValidator.shared(), SchemaValidator.shared());
    }

    private static GuildhallEvent sample(Class<? extends GuildhallEvent> type) {
        return SampleEvents.all().stream().filter(type::isInstance).findFirst().orElseThrow();
    }

    private static ObjectNode tree(Object event) {
        JsonNode node = SampleEvents.JSON.valueToTree(event);
        return (ObjectNode) node;
    }

    private static byte[] bytes(JsonNode json) {
        return SampleEvents.JSON.writeValueAsBytes(json);
    }

    private static void assertViolation(List<String> violations, String mentioned) {
        assertTrue(violations.stream().anyMatch(v -> v.contains(mentioned)),
                "expected a violation mentioning " + mentioned + " but got " + violations);
    }
}
