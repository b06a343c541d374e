package io.guildhall.analytics.person;

import io.guildhall.analytics.jdbc.Sql;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

@Singleton
public class ProfileStore {

    private static final String COLUMNS =
            "person_id, effective_from, department, level, location, weekly_hours, active, as_of";

    public void applyProfile(Connection transaction, ProfileRow incoming) throws SQLException {
        Optional<ProfileRow> next =
                ProfileRow.afterProfile(locked(transaction, incoming.personId(), incoming.effectiveFrom()), incoming);
        if (next.isPresent()) {
            upsert(transaction, next.get());
        }
    }

    public void applyDeactivation(Connection transaction, String personId, LocalDate effectiveFrom, Instant asOf)
            throws SQLException {
        Optional<ProfileRow> before = Sql.one(transaction, "SELECT " + COLUMNS + """
                 FROM person_profile WHERE person_id = ? AND effective_from < ?
                ORDER BY effective_from DESC LIMIT 1""", ProfileStore::row, personId, effectiveFrom);
        Optional<ProfileRow> next = ProfileRow.afterDeactivation(
                locked(transaction, personId, effectiveFrom), before, personId, effectiveFrom, asOf);
        if (next.isPresent()) {
            upsert(transaction, next.get());
        }
    }

    private static Optional<ProfileRow> locked(Connection transaction, String personId, LocalDate effectiveFrom)
            throws SQLException {
        return Sql.one(transaction, "SELECT " + COLUMNS
                        + " FROM person_profile WHERE person_id = ? AND effective_from = ? FOR UPDATE",
                ProfileStore::row, personId, effectiveFrom);
    }

    private static void upsert(Connection transaction, ProfileRow row) throws SQLException {
        Sql.update(transaction, "INSERT INTO person_profile (" + COLUMNS + """
                    ) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (person_id, effective_from) DO UPDATE SET department = EXCLUDED.department,
                        level = EXCLUDED.level, location = EXCLUDED.location, weekly_hours = EXCLUDED.weekly_hours,
                        active = EXCLUDED.active, as_of = EXCLUDED.as_of""",
                    row.personId(), row.effectiveFrom(), row.department(), row.level(), row.location(),
                    row.weeklyHours(), row.active(), row.asOf());
    }

    private static ProfileRow row(ResultSet row) throws SQLException {
        return new ProfileRow(row.getString("person_id"), Sql.date(row, "effective_from"), row.getString("department"),
                row.getString("level"), row.getString("location"), row.getInt("weekly_hours"), row.getBoolean("active"),
                Sql.instant(row, "as_of"));
    }

    /** Who the person reports to from {@code effectiveFrom} (null: nobody); a redelivery changes nothing. */
    public void applyManager(Connection transaction, String personId, java.time.LocalDate effectiveFrom, String managerId,
                             java.time.Instant asOf) throws SQLException {
        Sql.update(transaction, """
                    INSERT INTO person_manager (person_id, effective_from, manager_id, as_of) VALUES (?, ?, ?, ?)
                    ON CONFLICT (person_id, effective_from) DO UPDATE SET manager_id = EXCLUDED.manager_id,
                        as_of = EXCLUDED.as_of WHERE person_manager.as_of <= EXCLUDED.as_of""",
                personId, effectiveFrom, managerId, asOf);
    }
}
