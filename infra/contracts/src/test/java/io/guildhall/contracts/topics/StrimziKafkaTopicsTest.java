package io.guildhall.contracts.topics;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StrimziKafkaTopicsTest {

    /** The committed rendering, from this module's directory. */
    private static final Path COMMITTED = Path.of("../strimzi/kafka-topics.yaml");

    @Test
    void every_declared_topic_is_a_kafka_topic_with_its_partitions_replicas_and_history_for_ever() throws Exception {
        List<TopicDeclaration> declared = TopicDeclaration.all(TopicDeclaration.Settings.production());
        List<JsonNode> documents = new ArrayList<>();
        try (var parser = YAMLMapper.builder().build().createParser(
                StrimziKafkaTopics.render(declared, "guildhall"))) {
            YAMLMapper yaml = YAMLMapper.builder().build();
            var values = yaml.readValues(parser, JsonNode.class);
            while (values.hasNext()) {
                documents.add(values.next());
            }
        }
        assertEquals(declared.size(), documents.size());
        for (int i = 0; i < declared.size(); i++) {
            TopicDeclaration topic = declared.get(i);
            JsonNode resource = documents.get(i);
            assertEquals("kafka.strimzi.io/v1beta2", resource.get("apiVersion").asString());
            assertEquals("KafkaTopic", resource.get("kind").asString());
            assertTrue(resource.get("metadata").get("name").asString().matches("[a-z0-9]([a-z0-9.-]*[a-z0-9])?"));
            assertEquals("guildhall", resource.get("metadata").get("labels").get("strimzi.io/cluster").asString());
            assertEquals(topic.name(), resource.get("spec").get("topicName").asString());
            assertEquals(6, resource.get("spec").get("partitions").asInt());
            assertEquals(3, resource.get("spec").get("replicas").asInt());
            assertEquals("-1", resource.get("spec").get("config").get("retention.ms").asString());
            assertEquals("2", resource.get("spec").get("config").get("min.insync.replicas").asString());
            assertEquals("delete", resource.get("spec").get("config").get("cleanup.policy").asString());
        }
    }

    @Test
    void the_committed_rendering_is_the_declarations() throws Exception {
        String rendered = StrimziKafkaTopics.render(TopicDeclaration.all(TopicDeclaration.Settings.production()),
                "guildhall");
        if (Boolean.getBoolean("guildhall.contracts.write")) {
            Files.writeString(COMMITTED, rendered);
        }
        assertEquals(rendered, Files.readString(COMMITTED),
                "infra/strimzi/kafka-topics.yaml is out of date: run ./mvnw -pl infra/contracts test"
                        + " -Dtest=StrimziKafkaTopicsTest -Dguildhall.contracts.write=true");
    }
}
