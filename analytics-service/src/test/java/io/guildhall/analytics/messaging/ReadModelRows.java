package io.guildhall.analytics.messaging;

import io.guildhall.analytics.AnalyticsStack;
import org.awaitility.Awaitility;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import static org.hamcrest.Matchers.equalTo;

/** The read model's rows as the tests read them: straight from PostgreSQL, every value as text. */
public final class ReadModelRows {

    public static final Duration WAIT = Duration.ofSeconds(45);

    private final String database;

    public ReadModelRows(String database) {
        this.database = database;
    }

    /**
     * Every row of the query, each as its columns' text values ({@code null} stays null), without
     * {@code written_by}: which transaction wrote a row is bookkeeping for the aggregates, not the row's content.
     */
    public List<List<String>> query(String sql, Object... parameters) {
        try (Connection connection = DriverManager.getConnection(AnalyticsStack.stack().jdbcUrl(database),
                AnalyticsStack.stack().dbUsername(), AnalyticsStack.stack().dbPassword());
             PreparedStatement statement = prepare(connection, sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                int columns = rows.getMetaData().getColumnCount();
                List<List<String>> result = new ArrayList<>();
                while (rows.next()) {
                    List<String> row = new ArrayList<>();
                    for (int c = 1; c <= columns; c++) {
                        if (!"written_by".equals(rows.getMetaData().getColumnName(c))) {
                            row.add(rows.getString(c));
                        }
                    }
                    result.add(row);
                }
                return result;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql) throws SQLException {
        try (var utc = connection.createStatement()) {
            utc.execute("SET TIME ZONE 'UTC'");
        }
        return connection.prepareStatement(sql);
    }

    /** A timestamptz as PostgreSQL prints it in a UTC session (whole seconds). */
    public static String ts(Instant instant) {
        return instant.toString().replace('T', ' ').replace("Z", "+00");
    }

    /** Waits until the query returns exactly {@code expected}, and fails saying what it returned last. */
    public void awaitRows(List<List<String>> expected, String sql, Object... parameters) {
        await(() -> query(sql, parameters), expected);
    }

    public static <T> T await(Supplier<T> actual, T expected) {
        return Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(150)).until(actual::get, equalTo(expected));
    }

    public static void sleep() {
        try {
            Thread.sleep(150);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static List<String> row(Object... values) {
        List<String> row = new ArrayList<>();
        for (Object value : values) {
            row.add(value == null ? null : value.toString());
        }
        return row;
    }
}
