package io.guildhall.analytics.messaging;

import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/** The participation table, written by the attendance and the contribution handlers. */
@Singleton
public class ParticipationLedger {

    private static final String COLUMNS =
            "source, source_id, person_id, on_date, category, direction, community_id, event_id, minutes, as_of, starts_at,"
            + " ends_at";

    public void apply(Connection transaction, LedgerEntry incoming) throws SQLException {
        store(transaction, LedgerEntry.afterEntry(locked(transaction, incoming.source(), incoming.sourceId()), incoming));
    }

    public void delete(Connection transaction, String source, String sourceId, String personId, LocalDate onDate,
                       UUID communityId, Instant asOf) throws SQLException {
        store(transaction, LedgerEntry.afterDeletion(locked(transaction, source, sourceId), sourceId, personId, onDate,
                communityId, asOf));
    }

    private static void store(Connection transaction, Optional<LedgerEntry> next) throws SQLException {
        if (next.isEmpty()) {
            return;
        }
        LedgerEntry row = next.get();
        Sql.update(transaction, "INSERT INTO participation (" + COLUMNS + """
                ) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (source, source_id) DO UPDATE SET person_id = EXCLUDED.person_id,
                    on_date = EXCLUDED.on_date, category = EXCLUDED.category, direction = EXCLUDED.direction,
                    community_id = EXCLUDED.community_id, event_id = EXCLUDED.event_id, minutes = EXCLUDED.minutes,
                    as_of = EXCLUDED.as_of, starts_at = EXCLUDED.starts_at, ends_at = EXCLUDED.ends_at""",
                row.source(), row.sourceId(), row.personId(), row.onDate(), row.category(), row.direction(),
                row.communityId(), row.eventId(), row.minutes(), row.asOf(), row.startsAt(), row.endsAt());
    }

    private static Optional<LedgerEntry> locked(Connection transaction, String source, String sourceId)
            throws SQLException {
        return Sql.one(transaction, "SELECT " + COLUMNS
                + " FROM participation WHERE source = ? AND source_id = ? FOR UPDATE", ParticipationLedger::row,
                source, sourceId);
    }

    private static LedgerEntry row(ResultSet row) throws SQLException {
        return new LedgerEntry(row.getString("source"), row.getString("source_id"), row.getString("person_id"),
                Sql.date(row, "on_date"), row.getString("category"), row.getString("direction"),
                Sql.uuid(row, "community_id"), Sql.uuid(row, "event_id"), row.getInt("minutes"),
                Sql.instant(row, "as_of"), Sql.instant(row, "starts_at"), Sql.instant(row, "ends_at"));
    }
}
