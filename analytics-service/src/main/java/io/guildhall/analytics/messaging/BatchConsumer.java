package io.guildhall.analytics.messaging;

import io.guildhall.analytics.jdbc.Prefetch;
import io.guildhall.analytics.jdbc.BatchRows;
import io.guildhall.analytics.observability.LedgerSpans;
import io.guildhall.contracts.CloudEventHeaders;
import io.guildhall.contracts.GuildhallEvent;
import io.guildhall.contracts.InvalidCloudEventException;
import io.guildhall.contracts.consumer.TransientFailures;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one way this service consumes Guildhall topics: check each record of a polled batch, apply what can be read
 * exactly once per event id, dead-letter what cannot, and say which partitions must be read again.
 *
 * <p>The batch's events are applied in ONE transaction (a transaction per event made the database, not Kafka, the
 * bound on ingest). If that transaction fails it leaves nothing behind, and the events are applied again one
 * transaction each, so that one event at fault holds back only its own partition from itself on; the others are
 * applied. Invalid records are dead-lettered after the events before them in their partition were applied, and never
 * for a partition that will be read again from an earlier offset, so a retry sends no second dead letter.
 *
 * <p>A failing event is read again after a pause for as long as its failure is transient (the database restarting or
 * away, a timeout, a deadlock: {@link TransientFailures}), without end and without dead-lettering it. Any other
 * failure is the event's or the code's: after {@code guildhall.kafka.handler-attempts} tries the event goes to the
 * dead-letter topic with the reason, the {@code dead_lettered} count rises, and its partition goes on.
 */
@Singleton
public class BatchConsumer {

    /** Name of this service as a consumer: the key of its processed events and the dead-letter consumer header. */
    public static final String CONSUMER = "analytics-service";

    public static final String RECORDS_METRIC = io.guildhall.contracts.consumer.ConsumerMetrics.RECORDS;

    /**
     * The reports' freshness: from a change's time (its {@code ce_time}, when the owning service decided it) to the
     * commit that counted it in the read model. Prometheus: {@code guildhall_analytics_report_delay_seconds}.
     */
    public static final String REPORT_DELAY_METRIC = "guildhall.analytics.report.delay";

    private static final Logger LOG = LoggerFactory.getLogger(BatchConsumer.class);

    private final CloudEventReader reader;
    private final ProcessedEvents processedEvents;
    private final DeadLetters deadLetters;
    private final TransactionOperations<Connection> transactions;
    private final Map<String, TopicHandler<?>> handlersByType;
    private final MeterRegistry meters;
    private final int handlerAttempts;
    /** Tries so far of the events whose handler failed for a reason that is not transient, by position. */
    private final Map<String, Integer> attempts = new java.util.concurrent.ConcurrentHashMap<>();
    /** Where this consumer's transactions write: the live read model, or a rebuild's shadow schema. */
    private final Target target;
    /** Resolves a run's person ids together (the erasures). */
    private final Prefetch.People people;
    private final Timer reportDelay;
    private final LedgerSpans spans;

    /**
     * What a transaction of this consumer does first. The live read model: take the apply lock shared, so that a
     * rebuild's switch ({@code pg_advisory_xact_lock(APPLY_LOCK)}) waits for the batches under way and holds back new
     * ones, on every instance. A shadow: write into the shadow's schema, and send no dead letter (the live consumer
     * sent it already); its records count under {@code analytics-service-rebuild}.
     */
    public record Target(String metricsConsumer, String schema, boolean deadLetters) {

        public static final Target LIVE = new Target(CONSUMER, null, true);

        public static Target shadow(String schema) {
            if (!schema.matches("[a-z_]+")) {
                throw new IllegalArgumentException("Not a schema name: " + schema);
            }
            return new Target(CONSUMER + "-rebuild", schema, false);
        }

        void begin(Connection transaction) throws SQLException {
            try (java.sql.Statement statement = transaction.createStatement()) {
                statement.execute(schema == null ? "SELECT pg_advisory_xact_lock_shared(" + APPLY_LOCK + ")"
                        : "SET LOCAL search_path TO " + schema);
            }
        }
    }

    /** The advisory lock of the read model's switch-over (see {@link Target}). */
    public static final long APPLY_LOCK = 0x6775696c64_01L;

    @jakarta.inject.Inject
    public BatchConsumer(CloudEventReader reader, ProcessedEvents processedEvents,
                                   DeadLetters deadLetters, TransactionOperations<Connection> transactions,
                                   List<TopicHandler<?>> handlers, MeterRegistry meters,
                                   @io.micronaut.context.annotation.Value("${guildhall.kafka.handler-attempts:5}")
                                   int handlerAttempts, Prefetch.People people, LedgerSpans spans) {
        this(reader, processedEvents, deadLetters, transactions, byType(handlers), meters, handlerAttempts, Target.LIVE,
                people, spans);
    }

    private BatchConsumer(CloudEventReader reader, ProcessedEvents processedEvents,
                                    DeadLetters deadLetters, TransactionOperations<Connection> transactions,
                                    Map<String, TopicHandler<?>> handlersByType, MeterRegistry meters,
                                    int handlerAttempts, Target target, Prefetch.People people, LedgerSpans spans) {
        this.spans = spans;
        this.reader = reader;
        this.processedEvents = processedEvents;
        this.deadLetters = deadLetters;
        this.transactions = transactions;
        this.handlersByType = handlersByType;
        this.meters = meters;
        this.handlerAttempts = Math.max(1, handlerAttempts);
        this.target = target;
        this.people = people;
        this.reportDelay = Timer.builder(REPORT_DELAY_METRIC)
                .description("From a change's time (ce_time) to its being counted in the reports")
                .register(meters);
    }

    /** The same consumer writing into {@code schema} instead of the live read model (a rebuild's shadow). */
    public BatchConsumer shadow(String schema) {
        return new BatchConsumer(reader, processedEvents, deadLetters, transactions, handlersByType, meters,
                handlerAttempts, Target.shadow(schema), people, spans);
    }

    private <R> R inTransaction(SqlWork<R> work) {
        return transactions.executeWrite(status -> {
            target.begin(status.getConnection());
            return work.run(status.getConnection());
        });
    }

    @FunctionalInterface
    private interface SqlWork<R> {
        R run(Connection transaction) throws SQLException;
    }

    /**
     * Handles the records of one poll, in their order within each partition.
     *
     * @return per partition that was not handled completely, the offset of its first record that failed: the caller
     *         must read the partition again from there (after a pause) and must not commit beyond it
     */
    public Map<TopicPartition, Long> consume(Iterable<ConsumerRecord<String, byte[]>> records) {
        BatchProgress progress = new BatchProgress(Instant.now());
        List<CheckedRecord> checked = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                checked.add(check(record));
            } catch (RuntimeException e) {
                failed(record, e, progress);
            }
        }
        apply(checked.stream().filter(c -> c.kind() == CheckedRecord.Kind.APPLY).toList(), progress);
        // The batch's dead letters leave together and are awaited together (one acknowledgement wait per batch, not
        // per record: 40 poison records among 20,000 cost 30 % of the rate when each was awaited alone), then
        // counted in their partition's order; a partition whose dead letter failed is read again from there.
        Map<CheckedRecord, DeadLetters.Pending> sent = new java.util.HashMap<>();
        for (CheckedRecord record : checked) {
            if (record.kind() == CheckedRecord.Kind.DEAD_LETTER && target.deadLetters()
                    && !progress.leftForRetry(record.record())) {
                try (var trace = LedgerSpans.inLogs(record.headers() == null ? null : record.headers().traceparent())) {
                    LOG.warn("Dead-lettering {}: {}", record.position(), record.invalidReason());
                }
                sent.put(record, deadLetters.send(record.record(), CONSUMER, record.invalidReason()));
            }
        }
        if (!sent.isEmpty()) {
            deadLetters.sendNow();
        }
        for (CheckedRecord record : checked) {
            if (progress.leftForRetry(record.record())) {
                continue;
            }
            if (record.kind() == CheckedRecord.Kind.DEAD_LETTER) {
                deadLettered(record, sent.get(record), progress);
            } else if (record.kind() == CheckedRecord.Kind.IGNORE) {
                counted(record.record(), ConsumeOutcome.IGNORED);
            }
        }
        return progress.retryOffsets();
    }

    private CheckedRecord check(ConsumerRecord<String, byte[]> record) {
        try {
            CloudEventHeaders headers = reader.validate(record);
            TopicHandler<?> handler = handlersByType.get(headers.type());
            if (handler == null) {
                LOG.debug("Ignoring {} {}: not used by {}", headers.type(), headers.id(), CONSUMER);
                return CheckedRecord.ignored(record, headers);
            }
            return bound(record, headers, handler);
        } catch (InvalidCloudEventException e) {
            return CheckedRecord.invalid(record, e.getMessage());
        }
    }

    private <T extends GuildhallEvent> CheckedRecord bound(ConsumerRecord<String, byte[]> record,
                                                           CloudEventHeaders headers, TopicHandler<T> handler) {
        T event = reader.decode(record, headers, handler.eventType());
        return CheckedRecord.toApply(record, headers, transaction -> handler.apply(event, headers, transaction),
                handler.batched(), prefetch -> handler.prefetch(event, prefetch));
    }

    private void apply(List<CheckedRecord> events, BatchProgress progress) {
        List<CheckedRecord> pending = events.stream().filter(e -> !progress.leftForRetry(e.record())).toList();
        if (pending.size() > 1 && appliedTogether(pending, progress.began())) {
            return;
        }
        for (CheckedRecord event : pending) {
            if (progress.leftForRetry(event.record())) {
                continue;
            }
            try {
                ConsumeOutcome outcome = inTransaction(transaction ->
                        BatchRows.within(transaction, rows -> applyOnce(transaction, event)));
                counted(event.record(), outcome);
                if (outcome == ConsumeOutcome.APPLIED) {
                    reported(event, progress.began());
                }
                attempts.remove(event.position());
            } catch (Exception e) {
                // Also checked ones: the transaction API rethrows the database's SQLException undeclared.
                handlerFailed(event, e, progress);
            }
        }
    }

    /** @return false when the batch's transaction rolled back: nothing of it was applied */
    private boolean appliedTogether(List<CheckedRecord> events, Instant began) {
        List<ConsumeOutcome> outcomes;
        try {
            outcomes = inTransaction(transaction -> BatchRows.within(transaction, rows -> {
                java.util.Set<String> fresh = processedEvents.markAllProcessed(transaction, CONSUMER,
                        events.stream().map(event -> event.headers().id()).toList());
                List<ConsumeOutcome> applied = new ArrayList<>(events.size());
                boolean prefetched = false;
                for (int i = 0; i < events.size(); i++) {
                    CheckedRecord event = events.get(i);
                    if (event.batched() && !prefetched) {
                        prefetch(transaction, rows, events, i);
                        prefetched = true;
                    }
                    if (!fresh.remove(event.headers().id())) {
                        LOG.debug("Skipping {} {}: already processed", event.headers().type(), event.headers().id());
                        applied.add(ConsumeOutcome.DUPLICATE);
                        continue;
                    }
                    if (!event.batched()) {
                        rows.flushAndForget(transaction);
                        prefetched = false;
                    }
                    event.application().apply(transaction);
                    applied.add(ConsumeOutcome.APPLIED);
                }
                return applied;
            }));
        } catch (Exception e) {
            LOG.info("The transaction of {} events from {} rolled back ({}); applying them one by one",
                    events.size(), events.get(0).position(), e.toString());
            return false;
        }
        for (int i = 0; i < events.size(); i++) {
            counted(events.get(i).record(), outcomes.get(i));
            if (outcomes.get(i) == ConsumeOutcome.APPLIED) {
                reported(events.get(i), began);
            }
        }
        return true;
    }

    /** Reads ahead what the run of batched events from {@code from} on (up to the next other one) will read. */
    private void prefetch(Connection transaction, BatchRows rows, List<CheckedRecord> events, int from)
            throws SQLException {
        Prefetch prefetch = new Prefetch();
        for (int i = from; i < events.size() && events.get(i).batched(); i++) {
            events.get(i).prefetch().accept(prefetch);
        }
        prefetch.load(transaction, rows, people);
    }

    private ConsumeOutcome applyOnce(Connection transaction, CheckedRecord event) throws SQLException {
        if (!processedEvents.markProcessed(transaction, CONSUMER, event.headers().id())) {
            LOG.debug("Skipping {} {}: already processed", event.headers().type(), event.headers().id());
            return ConsumeOutcome.DUPLICATE;
        }
        event.application().apply(transaction);
        return ConsumeOutcome.APPLIED;
    }

    /** Transient: read again, however long it takes. Otherwise dead-lettered once it has failed often enough. */
    private void handlerFailed(CheckedRecord event, Exception e, BatchProgress progress) {
        if (TransientFailures.isTransient(e)) {
            failed(event.record(), e, progress);
            return;
        }
        int tries = attempts.merge(event.position(), 1, Integer::sum);
        if (tries < handlerAttempts) {
            failed(event.record(), e, progress);
            return;
        }
        String reason = "handler failed " + tries + " times: " + e;
        if (!target.deadLetters()) {
            LOG.info("Rebuild skips {} {} {}: {}", event.position(), event.headers().type(), event.headers().id(), reason);
            attempts.remove(event.position());
            counted(event.record(), ConsumeOutcome.IGNORED);
            return;
        }
        try (var trace = LedgerSpans.inLogs(event.headers().traceparent())) {
            LOG.warn("Dead-lettering {} {} {}: {}", event.position(), event.headers().type(), event.headers().id(),
                    reason);
        }
        try {
            deadLetters.publish(event.record(), CONSUMER, reason);
        } catch (RuntimeException publishing) {
            failed(event.record(), publishing, progress);
            return;
        }
        attempts.remove(event.position());
        counted(event.record(), ConsumeOutcome.DEAD_LETTERED);
    }

    private void deadLettered(CheckedRecord invalid, DeadLetters.Pending send, BatchProgress progress) {
        if (!target.deadLetters()) {
            counted(invalid.record(), ConsumeOutcome.IGNORED);
            return;
        }
        try {
            deadLetters.await(send);
        } catch (RuntimeException e) {
            failed(invalid.record(), e, progress);
            return;
        }
        counted(invalid.record(), ConsumeOutcome.DEAD_LETTERED);
    }

    private void failed(ConsumerRecord<String, byte[]> record, Exception e, BatchProgress progress) {
        LOG.warn("Will retry {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), e.toString());
        counter(record.topic(), io.guildhall.contracts.consumer.ConsumerMetrics.FAILED).increment();
        progress.failed(record);
    }

    private void counted(ConsumerRecord<String, byte[]> record, ConsumeOutcome outcome) {
        counter(record.topic(), outcome.name().toLowerCase(Locale.ROOT)).increment();
    }

    /** Only the live read model's: a rebuild replays old changes on purpose. */
    private void reported(CheckedRecord event, Instant batchBegan) {
        if (target == Target.LIVE) {
            reportDelay.record(Duration.between(event.headers().time(), Instant.now()).abs());
            spans.counted(event.headers(), event.record(), batchBegan);
        }
    }

    private Counter counter(String topic, String outcome) {
        return Counter.builder(RECORDS_METRIC)
                .description("Records consumed, by outcome: applied, duplicate, ignored, dead_lettered, or failed"
                        + " (to be retried; a rising count means a stuck partition)")
                .tag("consumer", target.metricsConsumer())
                .tag("topic", topic)
                .tag("outcome", outcome)
                .register(meters);
    }

    private static Map<String, TopicHandler<?>> byType(List<TopicHandler<?>> handlers) {
        Map<String, TopicHandler<?>> byType = new HashMap<>();
        for (TopicHandler<?> handler : handlers) {
            TopicHandler<?> previous = byType.put(handler.eventType().type(), handler);
            if (previous != null) {
                throw new IllegalStateException("Two handlers for " + handler.eventType().type() + ": "
                        + previous.getClass().getName() + " and " + handler.getClass().getName());
            }
        }
        return Map.copyOf(byType);
    }
}
