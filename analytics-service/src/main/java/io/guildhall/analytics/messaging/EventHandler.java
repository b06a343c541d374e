package io.guildhall.analytics.messaging;

import io.guildhall.contracts.CloudEventHeaders;
import io.guildhall.contracts.EventType;
import io.guildhall.contracts.GuildhallEvent;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Applies one event type to the read model. {@link IdempotentEventConsumer} calls it at most once per event id,
 * inside the transaction that recorded the id, so the handler writes through the given connection only.
 */
public interface EventHandler<T extends GuildhallEvent> {

    EventType<T> eventType();

    void apply(T event, CloudEventHeaders headers, Connection transaction) throws SQLException;
}
