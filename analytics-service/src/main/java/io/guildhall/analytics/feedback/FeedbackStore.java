package io.guildhall.analytics.feedback;

import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The ratings of events, as FeedbackGiven and FeedbackChanged tell them: no person, only the rating. */
@Singleton
public class FeedbackStore {

    /** A new rating; a redelivered one changes nothing. */
    public void given(Connection transaction, UUID feedbackId, UUID eventId, UUID communityId, int rating, Instant at)
            throws SQLException {
        try (PreparedStatement insert = transaction.prepareStatement("""
                INSERT INTO event_feedback (feedback_id, event_id, community_id, rating, changed_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (feedback_id) DO NOTHING""")) {
            insert.setObject(1, feedbackId);
            insert.setObject(2, eventId);
            insert.setObject(3, communityId);
            insert.setInt(4, rating);
            insert.setTimestamp(5, Timestamp.from(at));
            insert.executeUpdate();
        }
    }

    /** A changed rating; one that arrives before its FeedbackGiven is kept as given (the later event wins). */
    public void changed(Connection transaction, UUID feedbackId, UUID eventId, UUID communityId, int rating, Instant at)
            throws SQLException {
        try (PreparedStatement upsert = transaction.prepareStatement("""
                INSERT INTO event_feedback (feedback_id, event_id, community_id, rating, changed_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (feedback_id) DO UPDATE SET rating = EXCLUDED.rating, changed_at = EXCLUDED.changed_at
                WHERE event_feedback.changed_at <= EXCLUDED.changed_at""")) {
            upsert.setObject(1, feedbackId);
            upsert.setObject(2, eventId);
            upsert.setObject(3, communityId);
            upsert.setInt(4, rating);
            upsert.setTimestamp(5, Timestamp.from(at));
            upsert.executeUpdate();
        }
    }

    /** Every rating of these events. */
    public List<Integer> ratings(Connection connection, List<UUID> events) throws SQLException {
        List<Integer> ratings = new ArrayList<>();
        if (events.isEmpty()) {
            return ratings;
        }
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT rating FROM event_feedback WHERE event_id = ANY(?)")) {
            select.setArray(1, connection.createArrayOf("uuid", events.toArray()));
            try (var rows = select.executeQuery()) {
                while (rows.next()) {
                    ratings.add(rows.getInt(1));
                }
            }
        }
        return ratings;
    }
}
