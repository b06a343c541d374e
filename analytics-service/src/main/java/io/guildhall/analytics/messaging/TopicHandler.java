package io.guildhall.analytics.messaging;

import io.guildhall.analytics.jdbc.Prefetch;
import io.guildhall.contracts.CloudEventHeaders;
import io.guildhall.contracts.EventType;
import io.guildhall.contracts.GuildhallEvent;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Applies one event type to the read model. {@link BatchConsumer} calls it at most once per event id,
 * inside the transaction that recorded the id, so the handler writes through the given connection only.
 */
public interface TopicHandler<T extends GuildhallEvent> {

    EventType<T> eventType();

    void apply(T event, CloudEventHeaders headers, Connection transaction) throws SQLException;

    /**
     * Whether the handler works on the database only through stores that keep a batch's rows ({@link BatchRows}:
     * the calendar, the RSVPs, the ledger, erasure look-ups), so that its changes may wait for the batch's flush.
     * Any other handler reads and writes tables directly: the batch is flushed and forgotten before it runs.
     */
    default boolean batched() {
        return false;
    }

    /**
     * Declares what applying the event will read, so that a run of batched events reads it together
     * ({@link Prefetch}). Only an optimisation: a row not declared is read when the handler asks for it.
     */
    default void prefetch(T event, Prefetch prefetch) {
    }

    /** A handler from its type and what it does, for factories that declare one bean per event type. */
    static <T extends GuildhallEvent> TopicHandler<T> of(EventType<T> type, Application<T> application) {
        return of(type, application, null);
    }

    /**
     * A handler that works only through {@link BatchRows}' stores (see {@link #batched()}), with what it reads
     * declared ahead ({@link #prefetch}).
     */
    static <T extends GuildhallEvent> TopicHandler<T> batched(EventType<T> type, Prefetcher<T> prefetcher,
                                                              Application<T> application) {
        return of(type, application, prefetcher);
    }

    private static <T extends GuildhallEvent> TopicHandler<T> of(EventType<T> type, Application<T> application,
                                                                 Prefetcher<T> prefetcher) {
        return new TopicHandler<>() {
            @Override
            public boolean batched() {
                return prefetcher != null;
            }

            @Override
            public void prefetch(T event, Prefetch prefetch) {
                if (prefetcher != null) {
                    prefetcher.declare(event, prefetch);
                }
            }

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
                return "TopicHandler[" + type.type() + "]";
            }
        };
    }

    @FunctionalInterface
    interface Prefetcher<T> {
        void declare(T event, Prefetch prefetch);
    }

    @FunctionalInterface
    interface Application<T> {
        void apply(T event, CloudEventHeaders headers, Connection transaction) throws SQLException;
    }
}
