package io.guildhall.contracts.topics;

import io.guildhall.contracts.EventCatalog;
import io.guildhall.contracts.Topics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every Kafka topic Guildhall uses, with the settings it must have: the one declaration that the provisioner
 * ({@link TopicProvisioner}) applies at start and that production renders as Strimzi {@code KafkaTopic} resources.
 * Derived from the event catalogue: each topic that carries an event type, and its dead-letter topic.
 *
 * <p>The topics are the record: they keep every event for ever by default ({@code retention.ms = -1}), so that a
 * rebuild or a new consumer can replay the whole history. A shorter retention may be set, but never below
 * {@link #MINIMUM_RETENTION} (13 months: a year's figures and the quarter before them).
 *
 * @param name              the topic
 * @param partitions        partitions (the dev broker uses 3, so that ordering and scale-out mistakes show there)
 * @param replicationFactor copies of each partition (1 on the dev broker, 3 in production)
 * @param minInsyncReplicas copies that must have a write before it is acknowledged (1 dev, 2 production)
 * @param retention         how long records are kept; {@code null} for ever
 * @param cleanupPolicy     {@code delete} (a log of events, never compacted)
 */
public record TopicDeclaration(String name, int partitions, short replicationFactor, int minInsyncReplicas,
                               Duration retention, String cleanupPolicy) {

    /** The shortest retention a Guildhall topic may have. */
    public static final Duration MINIMUM_RETENTION = Duration.ofDays(396);

    public TopicDeclaration {
        if (partitions < 1 || replicationFactor < 1 || minInsyncReplicas < 1 || minInsyncReplicas > replicationFactor) {
            throw new IllegalArgumentException("Topic " + name + ": partitions " + partitions + ", replication factor "
                    + replicationFactor + ", min.insync.replicas " + minInsyncReplicas + " do not fit together");
        }
        if (retention != null && retention.compareTo(MINIMUM_RETENTION) < 0) {
            throw new IllegalArgumentException("Topic " + name + ": a retention of " + retention.toDays()
                    + " days would lose history; the least is " + MINIMUM_RETENTION.toDays() + " days (13 months)");
        }
    }

    /** {@code retention.ms} as Kafka writes it: -1 for ever. */
    public long retentionMs() {
        return retention == null ? -1 : retention.toMillis();
    }

    /** The topic-level configuration the topic is created with. */
    public Map<String, String> configs() {
        Map<String, String> configs = new LinkedHashMap<>();
        configs.put("cleanup.policy", cleanupPolicy);
        configs.put("retention.ms", Long.toString(retentionMs()));
        configs.put("min.insync.replicas", Integer.toString(minInsyncReplicas));
        return configs;
    }

    /** How a deployment sizes its topics. */
    public record Settings(int partitions, short replicationFactor, int minInsyncReplicas, Duration retention) {

        /** The dev broker: 3 partitions, 1 copy, history for ever. */
        public static Settings development() {
            return new Settings(3, (short) 1, 1, null);
        }

        /** A production cluster of three brokers. */
        public static Settings production() {
            return new Settings(6, (short) 3, 2, null);
        }
    }

    /** Every topic, each domain topic followed by its dead-letter topic. */
    public static List<TopicDeclaration> all(Settings settings) {
        List<String> names = new ArrayList<>();
        for (String topic : EventCatalog.topics()) {
            names.add(topic);
            names.add(Topics.deadLetterOf(topic));
        }
        return names.stream().map(name -> new TopicDeclaration(name, settings.partitions(), settings.replicationFactor(),
                settings.minInsyncReplicas(), settings.retention(), "delete")).toList();
    }
}
