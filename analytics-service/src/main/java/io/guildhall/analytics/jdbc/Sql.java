package io.guildhall.analytics.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Plain JDBC in the caller's transaction, without repeating the statement boilerplate in every store. */
public final class Sql {

    private Sql() {
    }

    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    public static int update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, parameters)) {
            return statement.executeUpdate();
        }
    }

    /**
     * Inserts or replaces many rows in ONE statement: each column is sent as a text array and cast back in SQL
     * ({@code INSERT ... SELECT ... FROM unnest(...) ON CONFLICT ...}), which the database executes once instead of
     * once per row. {@code columns} are "name type" pairs, e.g. {@code "as_of timestamptz"}; values are written as
     * their {@code toString()} (ISO-8601 for instants and dates), null as NULL.
     *
     * @param onConflict what follows {@code ON CONFLICT}, e.g. {@code (id) DO UPDATE SET ...}
     */
    public static void upsertAll(Connection connection, String table, List<String> columns, String onConflict,
                                 List<Object[]> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        List<String> names = columns.stream().map(column -> column.split(" ")[0]).toList();
        StringBuilder select = new StringBuilder();
        StringBuilder arrays = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            String[] column = columns.get(i).split(" ", 2);
            select.append(i == 0 ? "" : ", ").append("u.").append(column[0]).append("::").append(column[1]);
            arrays.append(i == 0 ? "" : ", ").append("?::text[]");
        }
        String sql = "INSERT INTO " + table + " (" + String.join(", ", names) + ") SELECT " + select
                + " FROM unnest(" + arrays + ") AS u(" + String.join(", ", names) + ") ON CONFLICT " + onConflict;
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < columns.size(); i++) {
                String[] values = new String[rows.size()];
                for (int r = 0; r < rows.size(); r++) {
                    Object value = rows.get(r)[i];
                    values[r] = value == null ? null : value.toString();
                }
                statement.setArray(i + 1, connection.createArrayOf("text", values));
            }
            statement.executeUpdate();
        }
    }

    /** A SQL array of these values ({@code uuid} or {@code text}), for {@code = ANY (?)} and {@code unnest(?)}. */
    public static java.sql.Array array(Connection connection, String type, java.util.Collection<?> values)
            throws SQLException {
        return connection.createArrayOf(type, values.toArray());
    }

    public static <T> List<T> list(Connection connection, String sql, RowMapper<T> mapper, Object... parameters)
            throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, parameters);
             ResultSet rows = statement.executeQuery()) {
            List<T> result = new ArrayList<>();
            while (rows.next()) {
                result.add(mapper.map(rows));
            }
            return result;
        }
    }

    public static <T> Optional<T> one(Connection connection, String sql, RowMapper<T> mapper, Object... parameters)
            throws SQLException {
        List<T> rows = list(connection, sql, mapper, parameters);
        if (rows.size() > 1) {
            throw new IllegalStateException("More than one row for " + sql);
        }
        return rows.stream().findFirst();
    }

    public static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    public static LocalDate date(ResultSet row, String column) throws SQLException {
        return row.getObject(column, LocalDate.class);
    }

    public static UUID uuid(ResultSet row, String column) throws SQLException {
        return row.getObject(column, UUID.class);
    }

    public static Integer integer(ResultSet row, String column) throws SQLException {
        int value = row.getInt(column);
        return row.wasNull() ? null : value;
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            bind(statement, parameters);
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }

    private static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            Object value = parameters[i];
            statement.setObject(i + 1, value instanceof Instant instant ? instant.atOffset(ZoneOffset.UTC) : value);
        }
    }
}
