package io.guildhall.support.outbox;

import io.guildhall.contracts.CloudEventHeaders;

/** A claimed outbox row: what the relay sends. */
public record OutboxRow(long seq, String topic, String key, CloudEventHeaders headers, byte[] payload, int attempts) {
}
