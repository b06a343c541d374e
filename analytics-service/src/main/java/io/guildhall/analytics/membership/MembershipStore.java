package io.guildhall.analytics.membership;

import io.guildhall.analytics.jdbc.Sql;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

@Singleton
public class MembershipStore {

    private static final String COLUMNS = "community_id, person_id, role, joined_at, left_at, as_of";

    public void change(Connection transaction, UUID communityId, String personId,
                       Function<Optional<MembershipRow>, Optional<MembershipRow>> rule) throws SQLException {
        Optional<MembershipRow> current = Sql.one(transaction,
                "SELECT " + COLUMNS + " FROM membership WHERE community_id = ? AND person_id = ? FOR UPDATE",
                row -> new MembershipRow(Sql.uuid(row, "community_id"), row.getString("person_id"),
                        row.getString("role"), Sql.instant(row, "joined_at"), Sql.instant(row, "left_at"),
                        Sql.instant(row, "as_of")),
                communityId, personId);
        Optional<MembershipRow> next = rule.apply(current);
        if (next.isEmpty()) {
            return;
        }
        MembershipRow row = next.get();
        Sql.update(transaction, "INSERT INTO membership (" + COLUMNS + """
                ) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (community_id, person_id) DO UPDATE SET role = EXCLUDED.role,
                    joined_at = EXCLUDED.joined_at, left_at = EXCLUDED.left_at, as_of = EXCLUDED.as_of""",
                row.communityId(), row.personId(), row.role(), row.joinedAt(), row.leftAt(), row.asOf());
    }
}
