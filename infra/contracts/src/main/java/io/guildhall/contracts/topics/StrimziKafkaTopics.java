package io.guildhall.contracts.topics;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The topic declaration as Strimzi {@code KafkaTopic} resources, for a cluster whose Topic Operator creates and
 * watches the topics (production, where the services' provisioner only verifies them). One YAML document per topic,
 * {@code spec.topicName} always the topic's own name, its partitions, replicas and configuration as declared.
 * {@code infra/strimzi/kafka-topics.yaml} is this rendering of {@link TopicDeclaration.Settings#production()} for a
 * cluster named {@code guildhall}; a test keeps it up to date.
 */
public final class StrimziKafkaTopics {

    public static final String API_VERSION = "kafka.strimzi.io/v1beta2";

    private StrimziKafkaTopics() {
    }

    /** Every declared topic as a {@code KafkaTopic} of the Strimzi cluster {@code cluster}. */
    public static String render(List<TopicDeclaration> topics, String cluster) {
        StringBuilder yaml = new StringBuilder("# Generated from io.guildhall.contracts.topics.TopicDeclaration by"
                + " StrimziKafkaTopics: do not edit.\n");
        for (TopicDeclaration topic : topics) {
            yaml.append("---\n")
                    .append("apiVersion: ").append(API_VERSION).append('\n')
                    .append("kind: KafkaTopic\n")
                    .append("metadata:\n")
                    .append("  name: ").append(resourceName(topic.name())).append('\n')
                    .append("  labels:\n")
                    .append("    strimzi.io/cluster: ").append(cluster).append('\n')
                    .append("spec:\n")
                    .append("  topicName: ").append(topic.name()).append('\n')
                    .append("  partitions: ").append(topic.partitions()).append('\n')
                    .append("  replicas: ").append(topic.replicationFactor()).append('\n')
                    .append("  config:\n");
            for (Map.Entry<String, String> config : topic.configs().entrySet()) {
                yaml.append("    ").append(config.getKey()).append(": \"").append(config.getValue()).append("\"\n");
            }
        }
        return yaml.toString();
    }

    /** A Kubernetes resource name (DNS subdomain: lower case, digits, '-' and '.') for the topic. */
    static String resourceName(String topic) {
        String name = topic.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]", "-");
        return name.replaceAll("^[^a-z0-9]+|[^a-z0-9]+$", "");
    }
}
