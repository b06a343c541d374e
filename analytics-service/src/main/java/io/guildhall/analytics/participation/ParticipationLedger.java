package io.guildhall.analytics.participation;

import io.guildhall.analytics.jdbc.BatchRows;
import io.guildhall.analytics.jdbc.Prefetch;
import io.guildhall.analytics.jdbc.Sql;
import io.guildhall.contracts.contribution.ContributionDirection;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The participation table, written by the attendance and the contribution handlers; within a batch of events, through
 * its {@link BatchRows}.
 */
@Singleton
public class ParticipationLedger {

    private static final String COLUMNS =
            "source, source_id, person_id, on_date, category, direction, community_id, event_id, minutes, as_of, starts_at,"
            + " ends_at";

    public void apply(Connection transaction, LedgerRow incoming) throws SQLException {
        BatchRows.change(transaction, LINES, new Key(incoming.source(), incoming.sourceId()),
                current -> LedgerRow.afterEntry(current, incoming));
    }

    public void delete(Connection transaction, LedgerSource source, String sourceId, String personId, LocalDate onDate,
                       UUID communityId, Instant asOf) throws SQLException {
        BatchRows.change(transaction, LINES, new Key(source, sourceId),
                current -> LedgerRow.afterDeletion(current, sourceId, personId, onDate, communityId, asOf));
    }

    /**
     * Declares a ledger row for a run's prefetch; {@code sourceId} computes its id from stored person ids (an
     * attendance's id holds the person's).
     */
    public void prefetch(Prefetch prefetch, LedgerSource source, java.util.function.Function<
            java.util.function.UnaryOperator<String>, String> sourceId) {
        prefetch.row(LINES, stored -> new Key(source, sourceId.apply(stored)));
    }

    private record Key(LedgerSource source, String sourceId) {
    }

    private static final BatchRows.Spec<Key, LedgerRow> LINES = new BatchRows.Spec<>() {
        @Override
        public Map<Key, LedgerRow> load(Connection transaction, Collection<Key> keys) throws SQLException {
            Map<Key, LedgerRow> rows = new HashMap<>();
            if (keys.size() == 1) {
                // One key: the primary key's own look-up, whatever the planner thinks of the table's size.
                Key key = keys.iterator().next();
                Sql.one(transaction, "SELECT " + COLUMNS + " FROM participation WHERE source = ? AND source_id = ?"
                        + " FOR UPDATE", ParticipationLedger::row, key.source().name(), key.sourceId())
                        .ifPresent(row -> rows.put(key, row));
                return rows;
            }
            // Per source, its ids as a list: look-ups in the primary key, never a scan of the ledger.
            Map<LedgerSource, List<String>> bySource = new HashMap<>();
            keys.forEach(key -> bySource.computeIfAbsent(key.source(), source -> new java.util.ArrayList<>())
                    .add(key.sourceId()));
            for (Map.Entry<LedgerSource, List<String>> source : bySource.entrySet()) {
                for (LedgerRow row : Sql.list(transaction, "SELECT " + COLUMNS + " FROM participation"
                                + " WHERE source = ? AND source_id = ANY (?) FOR UPDATE", ParticipationLedger::row,
                        source.getKey().name(), Sql.array(transaction, "text", source.getValue()))) {
                    rows.put(new Key(row.source(), row.sourceId()), row);
                }
            }
            return rows;
        }

        @Override
        public void write(Connection transaction, List<LedgerRow> rows) throws SQLException {
            Sql.upsertAll(transaction, "participation", List.of("source text", "source_id text", "person_id text",
                    "on_date date", "category text", "direction text", "community_id uuid", "event_id uuid",
                    "minutes int", "as_of timestamptz", "starts_at timestamptz", "ends_at timestamptz"), """
                    (source, source_id) DO UPDATE SET person_id = EXCLUDED.person_id,
                        on_date = EXCLUDED.on_date, category = EXCLUDED.category, direction = EXCLUDED.direction,
                        community_id = EXCLUDED.community_id, event_id = EXCLUDED.event_id, minutes = EXCLUDED.minutes,
                        as_of = EXCLUDED.as_of, starts_at = EXCLUDED.starts_at, ends_at = EXCLUDED.ends_at""",
                    rows.stream().map(row -> new Object[]{row.source().name(), row.sourceId(), row.personId(), row.onDate(),
                            row.category(), row.direction().name(), row.communityId(), row.eventId(), row.minutes(),
                            row.asOf(), row.startsAt(), row.endsAt()}).toList());
        }
    };

    private static LedgerRow row(ResultSet row) throws SQLException {
        return new LedgerRow(LedgerSource.valueOf(row.getString("source")), row.getString("source_id"), row.getString("person_id"),
                Sql.date(row, "on_date"), row.getString("category"),
                ContributionDirection.valueOf(row.getString("direction")),
                Sql.uuid(row, "community_id"), Sql.uuid(row, "event_id"), row.getInt("minutes"),
                Sql.instant(row, "as_of"), Sql.instant(row, "starts_at"), Sql.instant(row, "ends_at"));
    }
}
