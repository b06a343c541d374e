package io.guildhall.analytics.config;

import io.guildhall.contracts.topics.TopicDeclaration;
import io.guildhall.contracts.topics.TopicProvisioner;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.util.StringUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * Creates or verifies every declared topic at start (brokers run with topic auto-creation off), with the same
 * declaration and settings as the Spring services ({@code guildhall.kafka.topics.*}, environment
 * {@code GUILDHALL_KAFKA_*}). The event listener depends on it, so it never subscribes before the topics exist.
 */
@Context
@Requires(property = "guildhall.kafka.topics.provision", notEquals = StringUtils.FALSE)
public class TopicProvisioning {

    private static final Logger log = LoggerFactory.getLogger(TopicProvisioning.class);

    public TopicProvisioning(@Value("${kafka.bootstrap.servers}") String bootstrapServers,
                             @Value("${guildhall.kafka.topics.partitions:3}") int partitions,
                             @Value("${guildhall.kafka.topics.replication-factor:1}") short replicationFactor,
                             @Value("${guildhall.kafka.topics.min-insync-replicas:1}") int minInsyncReplicas,
                             @Value("${guildhall.kafka.topics.retention:}") String retention,
                             @Value("${guildhall.kafka.topics.raise-retention:true}") boolean raiseRetention) {
        TopicDeclaration.Settings settings = new TopicDeclaration.Settings(partitions, replicationFactor, minInsyncReplicas,
                retention == null || retention.isBlank() || retention.equals("forever") ? null : parse(retention));
        TopicProvisioner.Outcome outcome = new TopicProvisioner(raiseRetention, Duration.ofSeconds(60))
                .provision(bootstrapServers, TopicDeclaration.all(settings));
        outcome.report().forEach(log::info);
    }

    /** {@code 400d}, {@code 13m} is not accepted on purpose: days, or an ISO-8601 duration. */
    private static Duration parse(String text) {
        String t = text.trim();
        return t.endsWith("d") ? Duration.ofDays(Long.parseLong(t.substring(0, t.length() - 1))) : Duration.parse(t);
    }
}
