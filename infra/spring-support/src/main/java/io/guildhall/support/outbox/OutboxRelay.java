package io.guildhall.support.outbox;

import io.guildhall.contracts.CloudEventHeaders;
import io.r2dbc.spi.Readable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes outbox rows. Each round claims up to a batch of pending rows with {@code FOR UPDATE SKIP LOCKED} inside
 * a real transaction (so several instances share the work), hands them all to the producer at once (it batches
 * them into a few requests), waits for the acknowledgements, marks the acknowledged rows sent and commits.
 *
 * <p>Per-key order: a claimed row is sent only if every earlier unsent row of its key is claimed in the same round,
 * so a hot key's whole run goes out in one round, in order, while a row another instance is sending, a row waiting
 * out its backoff or a parked row holds back everything behind it. Within a round, a key's rows count as sent only
 * up to its first failure; the rows after it are sent again later (consumers are idempotent).
 *
 * <p>Failures: a broker that is away, slow or still electing (every retriable error) is retried with capped
 * exponential backoff for as long as it takes: nothing is lost and nothing overtakes. Only a record the broker can
 * never take (too large, an invalid topic, unserialisable) is parked after {@code maxAttempts}; it keeps blocking
 * its key and shows in {@code guildhall.outbox.parked}.
 *
 * <p>Rounds run on a poll tick and at once when a committed insert notifies {@code guildhall_outbox}
 * ({@link OutboxWakeUp}), so an idle platform publishes within milliseconds.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private static final String CLAIM = """
            WITH claimed AS (
                SELECT seq, topic, message_key FROM guildhall_outbox
                 WHERE sent_at IS NULL AND parked_at IS NULL AND next_attempt_at <= now()
                 ORDER BY seq
                 LIMIT :batch
                   FOR UPDATE SKIP LOCKED)
            SELECT o.seq, o.event_id, o.topic, o.message_key, o.ce_type, o.ce_source, o.ce_time, o.ce_subject,
                   o.traceparent, o.payload, o.attempts
              FROM claimed c JOIN guildhall_outbox o ON o.seq = c.seq
             WHERE NOT EXISTS (SELECT 1 FROM guildhall_outbox e
                                WHERE e.topic = c.topic AND e.message_key = c.message_key AND e.seq < c.seq
                                  AND e.sent_at IS NULL AND e.seq NOT IN (SELECT seq FROM claimed))
             ORDER BY o.seq""";

    /** Errors that no retry can cure: the record itself is wrong for the broker. */
    private static final List<Class<? extends Throwable>> UNSENDABLE = List.of(
            org.apache.kafka.common.errors.RecordTooLargeException.class,
            org.apache.kafka.common.errors.RecordBatchTooLargeException.class,
            org.apache.kafka.common.errors.InvalidTopicException.class,
            org.apache.kafka.common.errors.SerializationException.class);

    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final OutboxPublisher publisher;
    private final OutboxProperties properties;
    private final OutboxMetrics metrics;
    private final Flux<?> wakeUps;
    private volatile Disposable loop;

    public OutboxRelay(DatabaseClient db, TransactionalOperator tx, OutboxPublisher publisher,
                       OutboxProperties properties, OutboxMetrics metrics, Flux<?> wakeUps) {
        this.db = db;
        this.tx = tx;
        this.publisher = publisher;
        this.properties = properties;
        this.metrics = metrics;
        this.wakeUps = wakeUps;
    }

    /** One round: claim, send, mark, commit. Emits how many rows were claimed. */
    public Mono<Integer> relayOnce() {
        return tx.transactional(claim().collectList().flatMap(rows -> sendAll(rows).thenReturn(rows.size())));
    }

    /** Rounds until a round finds less than a full batch: what the scheduler calls. */
    public Mono<Void> drain() {
        return relayOnce()
                .expand(claimed -> claimed >= properties.batchSize() ? relayOnce() : Mono.empty())
                .then(metrics.refresh());
    }

    private Flux<OutboxRow> claim() {
        return db.sql(CLAIM).bind("batch", properties.batchSize()).map(OutboxRelay::toRow).all();
    }

    private Mono<Void> sendAll(List<OutboxRow> rows) {
        if (rows.isEmpty()) {
            return Mono.empty();
        }
        return Mono.fromCallable(() -> handOver(rows))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(acks -> Mono.fromFuture(CompletableFuture.allOf(acks.stream()
                                .map(ack -> ack.exceptionally(error -> null)).toArray(CompletableFuture[]::new)))
                        .then(Mono.defer(() -> settle(rows, acks))));
    }

    /**
     * Hands the rows to the producer in order. A send that fails at once (no metadata: the broker is unreachable)
     * ends the hand-over; the rest waits for the next round rather than for a timeout per row.
     */
    private List<CompletableFuture<Void>> handOver(List<OutboxRow> rows) {
        List<CompletableFuture<Void>> acks = new ArrayList<>(rows.size());
        for (OutboxRow row : rows) {
            CompletableFuture<Void> ack = publisher.send(row);
            acks.add(ack);
            if (ack.isCompletedExceptionally()) {
                break;
            }
        }
        return acks;
    }

    /** Marks each key's rows sent up to its first failure, and records that failure. */
    private Mono<Void> settle(List<OutboxRow> rows, List<CompletableFuture<Void>> acks) {
        List<Long> sent = new ArrayList<>();
        Map<String, Boolean> keyFailed = new HashMap<>();
        List<Mono<Void>> failures = new ArrayList<>();
        for (int i = 0; i < acks.size(); i++) {
            OutboxRow row = rows.get(i);
            String key = row.topic() + '\u0000' + row.key();
            if (keyFailed.containsKey(key)) {
                continue;
            }
            CompletableFuture<Void> ack = acks.get(i);
            if (ack.isCompletedExceptionally()) {
                keyFailed.put(key, true);
                failures.add(markFailed(row, ack.handle((ok, error) -> error).join()));
            } else {
                sent.add(row.seq());
            }
        }
        metrics.sent(sent.size());
        Mono<Void> markSent = sent.isEmpty() ? Mono.empty() : db.sql("""
                        UPDATE guildhall_outbox SET sent_at = now(), attempts = attempts + 1, last_error = NULL
                         WHERE seq = ANY(:seqs)""")
                .bind("seqs", sent.toArray(Long[]::new)).then();
        return markSent.then(Flux.concat(failures).then());
    }

    private Mono<Void> markFailed(OutboxRow row, Throwable error) {
        int attempts = row.attempts() + 1;
        boolean unsendable = unsendable(error);
        boolean park = unsendable && attempts >= properties.maxAttempts();
        Duration backoff = properties.backoffAfter(attempts);
        String reason = describe(error);
        metrics.failed();
        if (park) {
            log.error("Outbox row {} (event {} {}) parked after {} failed sends; later rows of key {} wait for it: {}",
                    row.seq(), row.headers().type(), row.headers().id(), attempts, row.key(), reason);
        } else {
            log.warn("Outbox row {} (event {}) not sent, try {}, next in {}: {}",
                    row.seq(), row.headers().id(), attempts, backoff, reason);
        }
        return db.sql("""
                        UPDATE guildhall_outbox
                           SET attempts = :attempts, last_error = :error,
                               next_attempt_at = now() + make_interval(secs => :backoff),
                               parked_at = CASE WHEN :park THEN now() ELSE NULL END
                         WHERE seq = :seq""")
                .bind("attempts", attempts)
                .bind("error", reason)
                .bind("backoff", backoff.toMillis() / 1000.0)
                .bind("park", park)
                .bind("seq", row.seq())
                .then();
    }

    static boolean unsendable(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            for (Class<? extends Throwable> kind : UNSENDABLE) {
                if (kind.isInstance(cause)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Deletes sent rows older than the retention. */
    public Mono<Long> purgeSent() {
        return db.sql("DELETE FROM guildhall_outbox WHERE sent_at < now() - make_interval(secs => :retention)")
                .bind("retention", (double) properties.retention().toSeconds())
                .fetch().rowsUpdated();
    }

    private static String describe(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root.getClass().getSimpleName() + ": " + root.getMessage();
        return text.length() > 1000 ? text.substring(0, 1000) : text;
    }

    private static OutboxRow toRow(Readable r) {
        CloudEventHeaders headers = new CloudEventHeaders(
                r.get("event_id", java.util.UUID.class).toString(),
                r.get("ce_type", String.class),
                r.get("ce_source", String.class),
                r.get("ce_time", OffsetDateTime.class).toInstant(),
                r.get("ce_subject", String.class),
                r.get("traceparent", String.class));
        return new OutboxRow(r.get("seq", Long.class), r.get("topic", String.class), r.get("message_key", String.class),
                headers, r.get("payload", byte[].class), r.get("attempts", Integer.class));
    }

    @Override
    public void start() {
        AtomicLong rounds = new AtomicLong();
        Flux<Object> ticks = Flux.<Object>merge(Flux.interval(Duration.ZERO, properties.pollInterval()),
                        wakeUps.doOnNext(notification -> metrics.wokenUp()))
                .onBackpressureLatest();
        loop = ticks.concatMap(tick -> drain()
                        .then(rounds.incrementAndGet() % 3000 == 0 ? purgeSent().then() : Mono.empty())
                        .onErrorResume(error -> {
                            log.warn("Outbox relay round failed, will retry: {}", describe(error));
                            return Mono.empty();
                        }), 1)
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable current = loop;
        if (current != null) {
            current.dispose();
        }
        loop = null;
    }

    @Override
    public boolean isRunning() {
        return loop != null && !loop.isDisposed();
    }
}
