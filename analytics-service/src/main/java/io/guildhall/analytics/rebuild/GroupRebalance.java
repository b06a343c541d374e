package io.guildhall.analytics.rebuild;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Makes the consumer group rebalance, so that every listener is handed its partitions again on its own poll thread:
 * a short-lived member joins the group (first rebalance) and leaves it (second). It never commits an offset, so the
 * partitions it held for a moment go back to the listeners where they were.
 */
@Singleton
public class GroupRebalance {

    private final String bootstrapServers;
    private final String groupId;

    public GroupRebalance(@Value("${kafka.bootstrap.servers}") String bootstrapServers,
                          @Value("${guildhall.kafka.consumer-group:analytics-service}") String groupId) {
        this.bootstrapServers = bootstrapServers;
        this.groupId = groupId;
    }

    void trigger(Set<String> topics, Duration timeout) {
        AtomicBoolean joined = new AtomicBoolean();
        try (KafkaConsumer<byte[], byte[]> member = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, groupId,
                ConsumerConfig.CLIENT_ID_CONFIG, groupId + "-rebuild",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "1"), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            member.subscribe(topics, new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    joined.set(true);
                }
            });
            Instant deadline = Instant.now().plus(timeout);
            while (!joined.get()) {
                if (Instant.now().isAfter(deadline)) {
                    throw new RebuildException(false, "Timed out after " + timeout + " joining consumer group "
                            + groupId + " to make it rebalance.");
                }
                member.poll(Duration.ofMillis(200));
            }
        }
    }
}
