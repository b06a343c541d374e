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

    /** A handler from its type and what it does, for factories that declare one bean per event type. */
    static <T extends GuildhallEvent> EventHandler<T> of(EventType<T> type, Application<T> application) {
        return new EventHandler<>() {
            @Override
            public EventType<T> eventType() {
                return type;
            }

            @Override
            public void apply(T event, CloudEventHeaders headers, Connection transaction) throws SQLException {
                application.apply(event, headers, transaction);
            }

            @Override
            public String toString() {
                return "EventHandler[" + type.type() + "]";
            }
        };
    }

    @FunctionalInterface
    interface Application<T> {
        void apply(T event, CloudEventHeaders headers, Connection transaction) throws SQLException;
    }
}
