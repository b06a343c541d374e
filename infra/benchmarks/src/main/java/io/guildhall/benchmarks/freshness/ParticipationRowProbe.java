package io.guildhall.benchmarks.freshness;

import io.guildhall.devstack.Postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The attendance's row in analytics-service's participation ledger, with the checked-in minutes. */
final class ParticipationRowProbe implements Probe {

    private final Connection connection;
    private final PreparedStatement query;

    ParticipationRowProbe(int postgresPort, String database) throws SQLException {
        this.connection = Postgres.connect(postgresPort, database);
        this.query = connection.prepareStatement(
                "SELECT minutes FROM participation WHERE source = 'ATTENDANCE' AND event_id = ?::uuid AND person_id = ?");
    }

    @Override
    public String label() {
        return "ada's row in analytics' participation table (JDBC)";
    }

    @Override
    public boolean shows(String eventId, String personId, int minutes) throws SQLException {
        query.setString(1, eventId);
        query.setString(2, personId);
        try (ResultSet rows = query.executeQuery()) {
            return rows.next() && rows.getInt(1) == minutes;
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
