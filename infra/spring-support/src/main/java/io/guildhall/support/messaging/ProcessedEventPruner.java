package io.guildhall.support.messaging;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;

/**
 * Deletes {@code guildhall_processed_event} rows older than {@code retention}, every {@code every}: the idempotency
 * record only has to outlive redeliveries (a rebalance, a relay sending a row again), not the topic's history. A
 * deliberate replay from further back than the retention applies those events again: reset a consumer group only
 * together with the state it feeds.
 */
public class ProcessedEventPruner implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ProcessedEventPruner.class);

    private final DatabaseClient db;
    private final Duration retention;
    private final Duration every;
    private volatile Disposable loop;

    public ProcessedEventPruner(DatabaseClient db, Duration retention, Duration every) {
        this.db = db;
        this.retention = retention;
        this.every = every;
    }

    /** Deletes the rows older than the retention; emits how many. */
    public Mono<Long> pruneOnce() {
        return db.sql("DELETE FROM guildhall_processed_event WHERE processed_at < now() - make_interval(secs => :retention)")
                .bind("retention", (double) retention.toSeconds())
                .fetch().rowsUpdated();
    }

    @Override
    public void start() {
        loop = Flux.interval(every, every)
                .concatMap(tick -> pruneOnce()
                        .doOnNext(n -> {
                            if (n > 0) {
                                log.info("Pruned {} processed-event rows older than {}", n, retention);
                            }
                        })
                        .onErrorResume(error -> {
                            log.warn("Pruning processed events failed, will try again: {}", error.toString());
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
