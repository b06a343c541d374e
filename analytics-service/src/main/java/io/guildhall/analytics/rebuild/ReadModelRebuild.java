package io.guildhall.analytics.rebuild;

import io.guildhall.analytics.messaging.IdempotentEventConsumer;
import io.guildhall.analytics.messaging.ReplaySeeks;
import io.guildhall.analytics.messaging.Sql;
import io.micronaut.configuration.kafka.ConsumerRegistry;
import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * Rebuilds the read model from the topics: pause every listener, empty the read model and this consumer's processed
 * events in one transaction, move every listener back to the first offset of its partitions, resume. The listeners
 * then replay the topics at their own pace; the read model converges on what a fresh consumer builds.
 *
 * <p>A Kafka consumer must only be used from its poll thread, so the seek is made in the listeners' rebalance callback
 * ({@link ReplaySeeks}); {@link GroupRebalance} makes the group rebalance. Meant for one instance of the service:
 * partitions assigned to another instance are not replayed by it.
 */
@Singleton
public class ReadModelRebuild {

    private static final Logger LOG = LoggerFactory.getLogger(ReadModelRebuild.class);

    /** Everything built from events; the other tables (if any) are settings, not derived data. */
    static final List<String> READ_MODEL_TABLES = List.of("community", "person_profile", "person_erasure",
            "participation", "calendar_event", "rsvp", "membership", "community_lead", "goal", "after_the_fact_event");

    private final ConsumerRegistry consumers;
    private final TransactionOperations<Connection> transactions;
    private final ReplaySeeks replaySeeks;
    private final GroupRebalance rebalance;
    private final Duration timeout;
    private final AtomicBoolean running = new AtomicBoolean();

    public ReadModelRebuild(ConsumerRegistry consumers, TransactionOperations<Connection> transactions,
                            ReplaySeeks replaySeeks, GroupRebalance rebalance,
                            @Value("${guildhall.kafka.rebuild-timeout:60s}") Duration timeout) {
        this.consumers = consumers;
        this.transactions = transactions;
        this.replaySeeks = replaySeeks;
        this.rebalance = rebalance;
        this.timeout = timeout;
    }

    /**
     * @throws RebuildException when a rebuild is already running, or a step did not finish in time (the listeners
     *                          are resumed either way)
     */
    public RebuildStarted rebuild() {
        if (!running.compareAndSet(false, true)) {
            throw new RebuildException(true, "A rebuild is already running; wait for it to finish.");
        }
        Set<String> ids = Set.copyOf(consumers.getConsumerIds());
        try {
            ids.forEach(consumers::pause);
            await(() -> ids.stream().allMatch(this::paused), "every listener paused");
            Set<TopicPartition> partitions = new TreeSet<>(
                    Comparator.comparing(TopicPartition::topic).thenComparing(TopicPartition::partition));
            Set<String> topics = new TreeSet<>();
            for (String id : ids) {
                partitions.addAll(consumers.getConsumerAssignment(id));
                topics.addAll(consumers.getConsumerSubscription(id));
            }
            empty();
            replaySeeks.request(partitions);
            rebalance.trigger(topics, timeout);
            await(() -> replaySeeks.pending().isEmpty(), "every partition moved to its beginning");
            LOG.info("Read model emptied; replaying {}", partitions);
            return new RebuildStarted(Instant.now(), List.copyOf(topics),
                    partitions.stream().map(TopicPartition::toString).collect(Collectors.toList()));
        } catch (RuntimeException e) {
            replaySeeks.cancel();
            throw e;
        } finally {
            ids.forEach(consumers::resume);
            running.set(false);
        }
    }

    private boolean paused(String id) {
        return consumers.getConsumerAssignment(id).isEmpty() || consumers.isPaused(id);
    }

    private void empty() {
        transactions.executeWrite(status -> {
            Connection connection = status.getConnection();
            Sql.update(connection, "TRUNCATE " + String.join(", ", READ_MODEL_TABLES));
            Sql.update(connection, "DELETE FROM processed_event WHERE consumer = ?", IdempotentEventConsumer.CONSUMER);
            return null;
        });
    }

    private void await(BooleanSupplier condition, String what) {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new RebuildException(false, "Timed out after " + timeout + " waiting until " + what + ".");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RebuildException(false, "Interrupted waiting until " + what + ".");
            }
        }
    }
}
