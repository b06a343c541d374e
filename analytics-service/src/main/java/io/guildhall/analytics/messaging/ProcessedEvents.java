package io.guildhall.analytics.messaging;

import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** The idempotency ledger: which event ids each consumer has already applied. */
@Singleton
public class ProcessedEvents {

    private static final String MARK = """
            INSERT INTO processed_event (consumer, event_id) VALUES (?, ?)
            ON CONFLICT (consumer, event_id) DO NOTHING""";

    /**
     * Records the event as processed by the consumer, in the caller's transaction.
     *
     * @return false when it was recorded before: a redelivery that must change nothing
     */
    /**
     * Records a batch's events as processed in one statement.
     *
     * @return the ids recorded now; the others were recorded before (redeliveries). An id twice in the batch is
     *         returned once: its first occurrence is the one to apply.
     */
    public java.util.Set<String> markAllProcessed(Connection transaction, String consumer,
                                                  java.util.List<String> eventIds) throws SQLException {
        java.util.Set<String> recorded = new java.util.HashSet<>();
        try (PreparedStatement insert = transaction.prepareStatement("""
                INSERT INTO processed_event (consumer, event_id) SELECT ?, id FROM unnest(?::text[]) id
                ON CONFLICT (consumer, event_id) DO NOTHING RETURNING event_id""")) {
            insert.setString(1, consumer);
            insert.setArray(2, transaction.createArrayOf("text", eventIds.toArray()));
            try (java.sql.ResultSet rows = insert.executeQuery()) {
                while (rows.next()) {
                    recorded.add(rows.getString(1));
                }
            }
        }
        return recorded;
    }

    public boolean markProcessed(Connection transaction, String consumer, String eventId) throws SQLException {
        try (PreparedStatement insert = transaction.prepareStatement(MARK)) {
            insert.setString(1, consumer);
            insert.setString(2, eventId);
            return insert.executeUpdate() == 1;
        }
    }
}
