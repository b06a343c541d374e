package io.guildhall.analytics.community;

import io.guildhall.analytics.jdbc.Sql;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The community read model. {@code updated_at} is the time of the newest applied event and {@code version} counts
 * the applied events, so that replaying the topic into an empty database rebuilds exactly the same rows.
 */
@Singleton
public class CommunityStore {

    private static final String COLUMNS =
            "id, slug, name, practice_area, visibility, founded_by, founded_at, updated_at, version, archived";

    public void change(Connection transaction, UUID id, Function<Optional<CommunityRow>, Optional<CommunityRow>> rule)
            throws SQLException {
        Optional<CommunityRow> next = rule.apply(Sql.one(transaction,
                "SELECT " + COLUMNS + " FROM community WHERE id = ? FOR UPDATE", CommunityStore::row, id));
        if (next.isEmpty()) {
            return;
        }
        CommunityRow row = next.get();
        Sql.update(transaction, "INSERT INTO community (" + COLUMNS + """
                ) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET slug = EXCLUDED.slug, name = EXCLUDED.name,
                    practice_area = EXCLUDED.practice_area, visibility = EXCLUDED.visibility,
                    founded_by = EXCLUDED.founded_by, founded_at = EXCLUDED.founded_at,
                    updated_at = EXCLUDED.updated_at, version = EXCLUDED.version, archived = EXCLUDED.archived""",
                row.id(), row.slug(), row.name(), row.practiceArea(), row.visibility(), row.foundedBy(),
                row.foundedAt(), row.updatedAt(), row.version(), row.archived());
    }

    public List<CommunityView> list(Connection connection) throws SQLException {
        return Sql.list(connection, "SELECT " + COLUMNS + " FROM community ORDER BY name, id", CommunityStore::view);
    }

    private static CommunityRow row(ResultSet row) throws SQLException {
        return new CommunityRow(Sql.uuid(row, "id"), row.getString("slug"), row.getString("name"),
                row.getString("practice_area"), row.getString("visibility"), row.getString("founded_by"),
                Sql.instant(row, "founded_at"), Sql.instant(row, "updated_at"), row.getLong("version"),
                row.getBoolean("archived"));
    }

    private static CommunityView view(ResultSet row) throws SQLException {
        return new CommunityView(Sql.uuid(row, "id"), row.getString("slug"), row.getString("name"),
                row.getString("practice_area"), row.getString("visibility"), row.getString("founded_by"),
                Sql.instant(row, "founded_at"), Sql.instant(row, "updated_at"), row.getBoolean("archived"));
    }
}
