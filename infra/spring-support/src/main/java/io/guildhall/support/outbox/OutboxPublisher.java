package io.guildhall.support.outbox;

/** Sends one outbox row to the broker and returns only once the broker acknowledged it; throws otherwise. */
@FunctionalInterface
public interface OutboxPublisher {
    void publish(OutboxRow row) throws Exception;
}
