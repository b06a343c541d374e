package io.guildhall.support.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Outbox health as metrics: {@code guildhall.outbox.pending}, {@code guildhall.outbox.oldest.age}
 * (seconds the oldest pending row has waited), {@code guildhall.outbox.parked}, and counters of sends.
 * The gauges are refreshed by the relay, at most every few seconds.
 */
public class OutboxMetrics {

    private static final Duration REFRESH_EVERY = Duration.ofSeconds(2);

    private final DatabaseClient db;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong oldestAgeSeconds = new AtomicLong();
    private final AtomicLong parked = new AtomicLong();
    private final Counter sent;
    private final Counter failed;
    private final Counter wakeUps;
    private volatile long lastRefresh;

    public OutboxMetrics(DatabaseClient db, MeterRegistry registry) {
        this.db = db;
        Gauge.builder("guildhall.outbox.pending", pending, AtomicLong::get)
                .description("Outbox rows not yet sent").register(registry);
        Gauge.builder("guildhall.outbox.oldest.age", oldestAgeSeconds, AtomicLong::get)
                .baseUnit("seconds").description("Age of the oldest unsent outbox row").register(registry);
        Gauge.builder("guildhall.outbox.parked", parked, AtomicLong::get)
                .description("Outbox rows parked after too many failed sends").register(registry);
        this.sent = Counter.builder("guildhall.outbox.sent").description("Outbox rows sent").register(registry);
        this.failed = Counter.builder("guildhall.outbox.send.failures").description("Failed outbox sends").register(registry);
        this.wakeUps = Counter.builder("guildhall.outbox.wakeups")
                .description("Relay rounds started by a commit's notification rather than the poll").register(registry);
    }

    void sent(int rows) {
        sent.increment(rows);
    }

    void wokenUp() {
        wakeUps.increment();
    }

    public double wakeUps() {
        return wakeUps.count();
    }

    void failed() {
        failed.increment();
    }

    public long pending() {
        return pending.get();
    }

    public long parked() {
        return parked.get();
    }

    public long oldestAgeSeconds() {
        return oldestAgeSeconds.get();
    }

    /** Re-reads the gauges from the table if the last reading is older than a couple of seconds. */
    public Mono<Void> refresh() {
        long now = System.nanoTime();
        if (now - lastRefresh < REFRESH_EVERY.toNanos()) {
            return Mono.empty();
        }
        lastRefresh = now;
        return forceRefresh();
    }

    public Mono<Void> forceRefresh() {
        return db.sql("""
                        SELECT (SELECT count(*) FROM guildhall_outbox WHERE sent_at IS NULL AND parked_at IS NULL) AS pending,
                               (SELECT min(created_at) FROM guildhall_outbox WHERE sent_at IS NULL AND parked_at IS NULL) AS oldest,
                               (SELECT count(*) FROM guildhall_outbox WHERE parked_at IS NOT NULL AND sent_at IS NULL) AS parked,
                               now() AS now""")
                .map(row -> {
                    pending.set(row.get("pending", Long.class));
                    parked.set(row.get("parked", Long.class));
                    OffsetDateTime oldest = row.get("oldest", OffsetDateTime.class);
                    OffsetDateTime dbNow = row.get("now", OffsetDateTime.class);
                    oldestAgeSeconds.set(oldest == null ? 0 : Duration.between(oldest, dbNow).toSeconds());
                    return true;
                })
                .one()
                .then();
    }
}
