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
    public boolean markProcessed(Connection transaction, String consumer, String eventId) throws SQLException {
        try (PreparedStatement insert = transaction.prepareStatement(MARK)) {
            insert.setString(1, consumer);
            insert.setString(2, eventId);
            return insert.executeUpdate() == 1;
        }
    }
}
