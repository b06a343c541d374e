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

    /**
     * First and last {@code processed_at} of the ledger, and the rows stamped before the last: those applied in the
     * span. The last transaction's rows are not (its stamp is its start), which matters once a transaction holds a
     * whole polled batch rather than one event.
     */
    public record Span(long rows, long rowsBeforeLast, Instant first, Instant last) {
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
                     """
                     SELECT count(*), count(*) FILTER (WHERE processed_at < last), min(processed_at), last
                     FROM processed_event, (SELECT max(processed_at) AS last FROM processed_event) AS ledger
                     GROUP BY last""")) {
            rows.next();
            return new Span(rows.getLong(1), rows.getLong(2), rows.getTimestamp(3).toInstant(),
                    rows.getTimestamp(4).toInstant());
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
