package io.guildhall.analytics.messaging;

import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Partitions that must be read again from their first offset (a rebuild asked for it). A Kafka consumer may only be
 * touched from its own poll thread, so the seek happens in the listeners' rebalance callback: the rebuild requests
 * the partitions here and then makes the group rebalance. The beginning is committed at once as well, so that a
 * second rebalance (or a crash) before the replay got going still starts from the beginning.
 */
@Singleton
public class ReplaySeeks {

    private static final Logger LOG = LoggerFactory.getLogger(ReplaySeeks.class);

    private final Set<TopicPartition> pending = ConcurrentHashMap.newKeySet();

    public void request(Collection<TopicPartition> partitions) {
        pending.addAll(partitions);
    }

    public Set<TopicPartition> pending() {
        return Set.copyOf(pending);
    }

    public void cancel() {
        pending.clear();
    }

    /** Called on the consumer's poll thread, with the partitions it was just assigned. */
    void onAssigned(Collection<TopicPartition> assigned, Consumer<?, ?> consumer) {
        List<TopicPartition> toSeek = assigned.stream().filter(pending::contains).toList();
        if (toSeek.isEmpty() || consumer == null) {
            return;
        }
        consumer.seekToBeginning(toSeek);
        Map<TopicPartition, OffsetAndMetadata> beginnings = new HashMap<>();
        consumer.beginningOffsets(toSeek).forEach((partition, offset) ->
                beginnings.put(partition, new OffsetAndMetadata(offset)));
        consumer.commitSync(beginnings);
        toSeek.forEach(pending::remove);
        LOG.info("Replaying {} from the beginning", toSeek);
    }
}
