package io.guildhall.analytics.community;

import io.guildhall.contracts.community.CommunityFounded;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The community read model. {@code updated_at} is the time of the last applied event and {@code version} counts the
 * applied events, so that replaying the topic into an empty database rebuilds exactly the same rows.
 */
@Singleton
public class CommunityStore {

    private static final String UPSERT_FOUNDED = """
            INSERT INTO community (id, slug, name, practice_area, visibility, founded_by, founded_at, updated_at, version)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)
            ON CONFLICT (id) DO UPDATE SET
                slug = EXCLUDED.slug,
                name = EXCLUDED.name,
                practice_area = EXCLUDED.practice_area,
                visibility = EXCLUDED.visibility,
                founded_by = EXCLUDED.founded_by,
                founded_at = EXCLUDED.founded_at,
                updated_at = GREATEST(community.updated_at, EXCLUDED.updated_at),
                version = community.version + 1""";

    private static final String COLUMNS =
            "id, slug, name, practice_area, visibility, founded_by, founded_at, updated_at";

    public void applyFounded(Connection transaction, CommunityFounded event, Instant eventTime) throws SQLException {
        try (PreparedStatement upsert = transaction.prepareStatement(UPSERT_FOUNDED)) {
            upsert.setObject(1, event.communityId());
            upsert.setString(2, event.slug());
            upsert.setString(3, event.name());
            upsert.setString(4, event.practiceArea());
            upsert.setString(5, event.visibility());
            upsert.setString(6, event.foundedBy());
            upsert.setTimestamp(7, Timestamp.from(event.foundedAt()));
            upsert.setTimestamp(8, Timestamp.from(eventTime));
            upsert.executeUpdate();
        }
    }

    public Optional<CommunityView> find(Connection connection, UUID id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM community WHERE id = ?")) {
            select.setObject(1, id);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(view(rows)) : Optional.empty();
            }
        }
    }

    public List<CommunityView> list(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM community ORDER BY name, id");
             ResultSet rows = select.executeQuery()) {
            List<CommunityView> communities = new ArrayList<>();
            while (rows.next()) {
                communities.add(view(rows));
            }
            return communities;
        }
    }

    private static CommunityView view(ResultSet row) throws SQLException {
        return new CommunityView(
                row.getObject("id", UUID.class),
                row.getString("slug"),
                row.getString("name"),
                row.getString("practice_area"),
                row.getString("visibility"),
                row.getString("founded_by"),
                row.getTimestamp("founded_at").toInstant(),
                row.getTimestamp("updated_at").toInstant());
    }
}
