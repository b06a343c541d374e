package io.guildhall.benchmarks.ingest;

import io.guildhall.devstack.Postgres;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;

/**
 * analytics-service's idempotency ledger, read over JDBC: one row per applied event, stamped with the time its
 * transaction began, so the database itself says when the first and the last event were applied.
 */
public final class ProcessedEvents implements AutoCloseable {

    /** First and last {@code processed_at} of the ledger. */
    public record Span(long rows, Instant first, Instant last) {
        public Duration duration() {
            return Duration.between(first, last);
        }
    }

    private final Connection connection;

    public ProcessedEvents(int postgresPort, String database) throws SQLException {
        this.connection = Postgres.connect(postgresPort, database);
        this.connection.setAutoCommit(true);
    }

    public long count() throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM processed_event")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    public Span span() throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT count(*), min(processed_at), max(processed_at) FROM processed_event")) {
            rows.next();
            return new Span(rows.getLong(1), rows.getTimestamp(2).toInstant(), rows.getTimestamp(3).toInstant());
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
