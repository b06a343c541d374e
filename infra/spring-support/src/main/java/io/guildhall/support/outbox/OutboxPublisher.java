package io.guildhall.support.outbox;

import java.util.concurrent.CompletableFuture;

/**
 * Sends outbox rows to the broker. {@link #send} returns at once; the future completes when the broker has
 * acknowledged the row, or fails. Rows of one key handed over in order are written in that order, so a relay
 * round can hand over a key's whole run of rows and wait for the acknowledgements once.
 */
@FunctionalInterface
public interface OutboxPublisher {
    CompletableFuture<Void> send(OutboxRow row);
}
