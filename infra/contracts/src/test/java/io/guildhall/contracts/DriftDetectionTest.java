package io.guildhall.contracts;

import io.guildhall.contracts.community.GoalSet;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The drift checks catch each kind of disagreement they claim to (else a passing drift test would prove nothing). */
class DriftDetectionTest {

    @Test
    void an_open_schema() {
        assertSchemaProblem(s -> s.remove("additionalProperties"), "additionalProperties");
        assertSchemaProblem(s -> s.put("additionalProperties", true), "additionalProperties");
    }

    @Test
    void a_schema_property_without_a_component() {
        assertSchemaProblem(s -> properties(s).putObject("priority").put("type", "string").put("description", "x"),
                "GoalSet.priority");
    }

    @Test
    void a_component_without_a_schema_property() {
        assertSchemaProblem(s -> properties(s).remove("ownerId"), "GoalSet.ownerId");
    }

    @Test
    void a_non_null_component_not_required() {
        assertSchemaProblem(s -> removeRequired(s, "dueDate"), "GoalSet.dueDate");
    }

    @Test
    void a_nullable_component_required() {
        assertSchemaProblem(s -> ((ArrayNode) s.get("required")).add("unit"), "GoalSet.unit");
    }

    @Test
    void a_nullable_component_whose_type_rejects_null() {
        assertSchemaProblem(s -> property(s, "unit").put("type", "string"), "GoalSet.unit");
    }

    @Test
    void a_wrong_format_or_type() {
        assertSchemaProblem(s -> property(s, "dueDate").put("format", "date-time"), "GoalSet.dueDate");
        assertSchemaProblem(s -> property(s, "goalId").remove("format"), "GoalSet.goalId");
        assertSchemaProblem(s -> property(s, "target").put("type", "integer"), "GoalSet.target");
        assertSchemaProblem(s -> property(s, "setAt").put("format", "date"), "GoalSet.setAt");
    }

    @Test
    void enum_values_that_differ_from_the_java_enum() {
        assertSchemaProblem(s -> ((ArrayNode) property(s, "metric").get("enum")).remove(0), "GoalSet.metric");
        assertSchemaProblem(s -> property(s, "title").putArray("enum").add("A"), "GoalSet.title");
    }

    @Test
    void a_message_missing_from_the_channel() {
        assertAsyncApiProblem(doc -> messages(doc).remove("GoalSet"), EventCatalog.GOAL_SET.type());
    }

    @Test
    void a_missing_message_is_reported_with_the_entry_to_paste() throws Exception {
        ObjectNode doc = (ObjectNode) Contracts.asyncApi().deepCopy();
        JsonNode published = doc.at("/components/messages/GoalSet").deepCopy();
        messages(doc).remove("GoalSet");
        ((ObjectNode) doc.at("/components/messages")).remove("GoalSet");
        String problem = AsyncApiDrift.problems(EventCatalog.all(), doc, Contracts::existsNextToAsyncApi).stream()
                .filter(p -> p.contains("has no message for " + EventCatalog.GOAL_SET.type())).findFirst().orElseThrow();

        JsonNode pasted = new tools.jackson.dataformat.yaml.YAMLMapper()
                .readTree(problem.substring(problem.indexOf('\n') + 1)).get("GoalSet");
        assertEquals(published, pasted, "the entry printed is the one the document had");
    }

    @Test
    void a_summary_other_than_the_records_description() {
        assertAsyncApiProblem(doc -> ((ObjectNode) doc.at("/components/messages/GoalSet")).put("summary", "A goal."),
                "summary must be its record's @Description");
    }

    @Test
    void a_message_the_catalog_lacks() {
        assertAsyncApiProblem(doc -> {
            JsonNode copy = doc.at("/components/messages/GoalSet").deepCopy();
            ((ObjectNode) copy.at("/headers/allOf/1/properties/ce_type")).put("const", "guildhall.community.goal-dropped.v1");
            ((ObjectNode) doc.at("/components/messages")).set("GoalDropped", copy);
            messages(doc).putObject("GoalDropped").put("$ref", "#/components/messages/GoalDropped");
        }, "guildhall.community.goal-dropped.v1");
        assertAsyncApiProblem(doc -> ((ObjectNode) doc.at("/components/messages"))
                .set("Orphan", doc.at("/components/messages/GoalSet").deepCopy()), "Orphan");
    }

    @Test
    void a_wrong_ce_type_or_payload() {
        assertAsyncApiProblem(doc -> ((ObjectNode) doc.at("/components/messages/GoalSet/payload"))
                .put("$ref", "schemas/guildhall.community.goal-updated.v1.json"), "payload");
        assertAsyncApiProblem(doc -> ((ObjectNode) doc.at("/components/messages/GoalSet/headers/allOf/1/properties/ce_type"))
                .put("const", EventCatalog.GOAL_UPDATED.type()), EventCatalog.GOAL_SET.type());
    }

    @Test
    void a_channel_on_the_wrong_topic_or_without_its_dead_letter_channel() {
        assertAsyncApiProblem(doc -> ((ObjectNode) doc.at("/channels/community")).put("address", "guildhall.communities.v1"),
                Topics.COMMUNITY);
        assertAsyncApiProblem(doc -> ((ObjectNode) doc.get("channels")).remove("communityDeadLetters"),
                Topics.deadLetterOf(Topics.COMMUNITY));
    }

    @Test
    void a_send_operation_that_omits_a_message() {
        assertAsyncApiProblem(doc -> ((ArrayNode) doc.at("/operations/publishCommunityEvents/messages")).remove(0),
                "send operation");
    }

    @Test
    void a_receive_operation_that_lists_another_channels_message() {
        assertAsyncApiProblem(doc -> ((ArrayNode) doc.at("/operations/receivePersonEventsInAnalytics/messages"))
                .addObject().put("$ref", "#/channels/person/messages/CommunityFounded"), "receive operation");
    }

    @Test
    void a_missing_cloudevents_header() {
        assertAsyncApiProblem(doc -> ((ObjectNode) doc.at("/components/schemas/CloudEventHeaders/properties"))
                .remove("traceparent"), "traceparent");
    }

    private static void assertSchemaProblem(Consumer<ObjectNode> mutation, String mentioned) {
        ObjectNode schema = (ObjectNode) Contracts.schema(EventCatalog.GOAL_SET).deepCopy();
        mutation.accept(schema);
        List<String> problems = RecordSchemaDrift.problems(GoalSet.class, schema);
        assertTrue(problems.stream().anyMatch(p -> p.contains(mentioned)),
                "expected a problem mentioning " + mentioned + " but got " + problems);
    }

    private static void assertAsyncApiProblem(Consumer<ObjectNode> mutation, String mentioned) {
        ObjectNode doc = (ObjectNode) Contracts.asyncApi().deepCopy();
        mutation.accept(doc);
        List<String> problems = AsyncApiDrift.problems(EventCatalog.all(), doc, Contracts::existsNextToAsyncApi);
        assertTrue(problems.stream().anyMatch(p -> p.contains(mentioned)),
                "expected a problem mentioning " + mentioned + " but got " + problems);
    }

    private static ObjectNode properties(ObjectNode schema) {
        return (ObjectNode) schema.get("properties");
    }

    private static ObjectNode property(ObjectNode schema, String name) {
        return (ObjectNode) schema.get("properties").get(name);
    }

    private static void removeRequired(ObjectNode schema, String name) {
        ArrayNode required = (ArrayNode) schema.get("required");
        for (int i = 0; i < required.size(); i++) {
            if (required.get(i).asString().equals(name)) {
                required.remove(i);
                return;
            }
        }
    }

    private static ObjectNode messages(ObjectNode doc) {
        return (ObjectNode) doc.at("/channels/community/messages");
    }
}
