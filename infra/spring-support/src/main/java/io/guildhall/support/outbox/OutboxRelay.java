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
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Publishes outbox rows. Each round claims pending rows with {@code FOR UPDATE SKIP LOCKED} inside a real
 * transaction (so several instances share the work), sends them one by one waiting for the broker's ack,
 * marks them sent, and commits. A failed send backs off exponentially; after {@code maxAttempts} the row
 * is parked and logged. Per-key order is kept: a row is claimed only when no earlier row of the same key
 * is still unsent, so at most one row per key is in flight.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private static final String CLAIM = """
            SELECT o.seq, o.event_id, o.topic, o.message_key, o.ce_type, o.ce_source, o.ce_time, o.ce_subject,
                   o.traceparent, o.payload, o.attempts
              FROM guildhall_outbox o
             WHERE o.sent_at IS NULL AND o.parked_at IS NULL AND o.next_attempt_at <= now()
               AND NOT EXISTS (SELECT 1 FROM guildhall_outbox e
                                WHERE e.topic = o.topic AND e.message_key = o.message_key AND e.seq < o.seq
                                  AND e.sent_at IS NULL AND e.parked_at IS NULL)
             ORDER BY o.seq
             LIMIT :batch
               FOR UPDATE SKIP LOCKED""";

    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final OutboxPublisher publisher;
    private final OutboxProperties properties;
    private final OutboxMetrics metrics;
    private volatile Disposable loop;

    public OutboxRelay(DatabaseClient db, TransactionalOperator tx, OutboxPublisher publisher,
                       OutboxProperties properties, OutboxMetrics metrics) {
        this.db = db;
        this.tx = tx;
        this.publisher = publisher;
        this.properties = properties;
        this.metrics = metrics;
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
        AtomicBoolean brokerFailed = new AtomicBoolean();
        return Flux.fromIterable(rows)
                // After a failure the broker is likely unreachable: leave the rest of the batch for the next round
                // instead of waiting out a send timeout per row.
                .takeWhile(row -> !brokerFailed.get())
                .concatMap(row -> Mono.fromCallable(() -> {
                            publisher.publish(row);
                            return row;
                        })
                        .subscribeOn(Schedulers.boundedElastic())
                        .flatMap(this::markSent)
                        .onErrorResume(error -> {
                            brokerFailed.set(true);
                            return markFailed(row, error);
                        }))
                .then();
    }

    private Mono<Void> markSent(OutboxRow row) {
        metrics.sent();
        return db.sql("UPDATE guildhall_outbox SET sent_at = now(), attempts = attempts + 1, last_error = NULL WHERE seq = :seq")
                .bind("seq", row.seq()).then();
    }

    private Mono<Void> markFailed(OutboxRow row, Throwable error) {
        int attempts = row.attempts() + 1;
        boolean park = attempts >= properties.maxAttempts();
        Duration backoff = properties.backoffAfter(attempts);
        String reason = describe(error);
        metrics.failed();
        if (park) {
            log.error("Outbox row {} (event {} {}) parked after {} failed sends: {}",
                    row.seq(), row.headers().type(), row.headers().id(), attempts, reason);
        } else {
            log.warn("Outbox row {} (event {}) not sent, try {} of {}, next in {}: {}",
                    row.seq(), row.headers().id(), attempts, properties.maxAttempts(), backoff, reason);
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
        Flux<Long> ticks = Flux.interval(Duration.ZERO, properties.pollInterval()).onBackpressureDrop();
        loop = ticks.concatMap(tick -> drain()
                        .then(tick % 3000 == 0 ? purgeSent().then() : Mono.empty())
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
