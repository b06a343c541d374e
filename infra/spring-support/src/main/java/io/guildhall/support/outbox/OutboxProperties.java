package io.guildhall.support.outbox;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Tuning of the outbox relay ({@code guildhall.outbox.*}).
 *
 * @param pollInterval   how often the relay looks for pending rows when it found none last time
 * @param batchSize      rows claimed per transaction
 * @param initialBackoff wait after the first failed send of a row; doubles with each failure
 * @param maxBackoff     longest wait between two tries of a row
 * @param maxAttempts    failed sends after which a row is parked (kept, no longer tried, counted in metrics)
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
        pollInterval = pollInterval == null ? Duration.ofMillis(200) : pollInterval;
        batchSize = batchSize == null ? 100 : batchSize;
        initialBackoff = initialBackoff == null ? Duration.ofMillis(500) : initialBackoff;
        maxBackoff = maxBackoff == null ? Duration.ofMinutes(5) : maxBackoff;
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
