package io.guildhall.support.outbox;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Tuning of the outbox relay ({@code guildhall.outbox.*}).
 *
 * @param pollInterval   how often the relay looks for pending rows without being woken (a missed notification,
 *                       a row whose backoff ended)
 * @param batchSize      rows claimed per transaction
 * @param initialBackoff wait after the first failed send of a row; doubles with each failure
 * @param maxBackoff     longest wait between two tries of a row
 * @param maxAttempts    failed sends after which a row the broker can never take (too large, invalid topic) is
 *                       parked (kept, no longer tried, holding back its key, counted in metrics); rows that fail
 *                       because the broker is away are retried without end
 * @param retention      how long sent rows are kept before they are deleted
 */
@ConfigurationProperties("guildhall.outbox")
public record OutboxProperties(
        Duration pollInterval,
        Integer batchSize,
        Duration initialBackoff,
        Duration maxBackoff,
        Integer maxAttempts,
        Duration retention) {

    public OutboxProperties {
        pollInterval = pollInterval == null ? Duration.ofSeconds(1) : pollInterval;
        batchSize = batchSize == null ? 1000 : batchSize;
        initialBackoff = initialBackoff == null ? Duration.ofMillis(500) : initialBackoff;
        maxBackoff = maxBackoff == null ? Duration.ofSeconds(30) : maxBackoff;
        maxAttempts = maxAttempts == null ? 12 : maxAttempts;
        retention = retention == null ? Duration.ofDays(7) : retention;
    }

    /** Backoff before the next try, after {@code attempts} failed sends: exponential, capped. */
    public Duration backoffAfter(int attempts) {
        long factor = 1L << Math.min(Math.max(attempts - 1, 0), 20);
        Duration backoff = initialBackoff.multipliedBy(factor);
        return backoff.compareTo(maxBackoff) > 0 ? maxBackoff : backoff;
    }
}
