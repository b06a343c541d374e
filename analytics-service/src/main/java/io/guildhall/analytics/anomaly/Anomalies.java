package io.guildhall.analytics.anomaly;

import io.guildhall.analytics.anomaly.AnomalyReport.EventAnomaly;
import io.guildhall.analytics.anomaly.AnomalyReport.PersonAnomaly;
import io.guildhall.analytics.participation.ParticipationRules;
import io.guildhall.analytics.participation.Period;
import io.guildhall.analytics.participation.PersonPeriod;
import io.guildhall.analytics.participation.ProfileHistory;
import io.guildhall.analytics.report.ReadModel;
import io.guildhall.analytics.settings.AnalyticsSettings;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** Rule 10's list, read from the read model: for an admin everything, for a lead their communities' events. */
@Singleton
public class Anomalies {

    private final ReadModel readModel;
    private final AnalyticsSettings settings;
    private final TransactionOperations<Connection> transactions;

    public Anomalies(ReadModel readModel, AnalyticsSettings settings, TransactionOperations<Connection> transactions) {
        this.readModel = readModel;
        this.settings = settings;
        this.transactions = transactions;
    }

    /** The communities the person leads now. */
    public List<UUID> ledBy(String personId) {
        return transactions.executeRead(status -> {
            List<UUID> led = new ArrayList<>();
            try (PreparedStatement statement = status.getConnection().prepareStatement(
                    "SELECT community_id FROM community_lead WHERE person_id = ? AND active ORDER BY community_id")) {
                statement.setString(1, personId);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        led.add(rows.getObject(1, UUID.class));
                    }
                }
            }
            return led;
        });
    }

    /**
     * @param communities null: every community and the people at the day cap (an admin); otherwise only these
     *                    communities' events and no people (a lead)
     */
    public AnomalyReport report(Period period, List<UUID> communities) {
        return transactions.executeRead(status -> report(status.getConnection(), period, communities));
    }

    private AnomalyReport report(Connection connection, Period period, List<UUID> communities) throws SQLException {
        ParticipationRules rules = settings.rules();
        Map<UUID, Row> held = held(connection, period, communities);
        List<AnomalyRules.HeldEvent> events = new ArrayList<>();
        held.values().forEach(row -> events.add(new AnomalyRules.HeldEvent(row.eventId, row.organiserId,
                row.attendees, row.afterTheFact)));
        Map<UUID, String> names = readModel.communityNames(connection);
        List<EventAnomaly> eventAnomalies = new ArrayList<>();
        AnomalyRules.events(events).forEach((id, reasons) -> {
            Row row = held.get(id);
            eventAnomalies.add(new EventAnomaly(id, row.communityId, names.get(row.communityId), row.category,
                    row.startsAt, row.endsAt, row.organiserId, row.attendees.size(),
                    reasons.stream().map(Enum::name).toList()));
        });
        List<PersonAnomaly> people = null;
        if (communities == null) {
            // Person by person as the ledger is read: the report never holds the period's whole ledger.
            Map<String, List<PersonAnomaly>> byPerson = new java.util.TreeMap<>();
            Map<String, ProfileHistory> profiles = readModel.profiles(connection);
            readModel.ledgerByPerson(connection, period, (person, lines) -> {
                PersonPeriod figures = PersonPeriod.of(person, profiles.getOrDefault(person,
                        new ProfileHistory(List.of())), lines, period, rules);
                for (Map.Entry<String, Integer> week : AnomalyRules.weeksAtCap(figures.daysAtCap()).entrySet()) {
                    byPerson.computeIfAbsent(person, key -> new ArrayList<>())
                            .add(new PersonAnomaly(person, week.getKey(), week.getValue()));
                }
            });
            people = new ArrayList<>();
            byPerson.values().forEach(people::addAll);
        }
        return new AnomalyReport(period.label(), period.start(), period.end(),
                communities == null ? "all" : "communities led", eventAnomalies, people);
    }

    private static final class Row {
        UUID eventId;
        UUID communityId;
        String category;
        String organiserId;
        Instant startsAt;
        Instant endsAt;
        boolean afterTheFact;
        final Set<String> attendees = new TreeSet<>();
    }

    /** Events that took place with a start in the period (the organisation's days), their attendees and flag. */
    private Map<UUID, Row> held(Connection connection, Period period, List<UUID> communities) throws SQLException {
        String sql = """
                SELECT e.event_id, e.community_id, e.category, e.organiser_id, e.starts_at, e.ends_at,
                       (f.event_id IS NOT NULL) AS after_the_fact, p.person_id
                FROM calendar_event e
                LEFT JOIN after_the_fact_event f ON f.event_id = e.event_id
                LEFT JOIN participation p ON p.event_id = e.event_id AND p.source = 'ATTENDANCE' AND p.minutes > 0
                WHERE e.scheduled AND NOT e.cancelled AND e.starts_at <= now()
                  AND (e.starts_at AT TIME ZONE ?)::date BETWEEN ? AND ?""" + (communities == null ? ""
                : " AND e.community_id = ANY (?)") + " ORDER BY e.starts_at, e.event_id";
        Map<UUID, Row> rows = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, settings.zone().getId());
            statement.setDate(2, Date.valueOf(period.start()));
            statement.setDate(3, Date.valueOf(period.end()));
            if (communities != null) {
                statement.setArray(4, connection.createArrayOf("uuid", communities.toArray(UUID[]::new)));
            }
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    UUID id = result.getObject("event_id", UUID.class);
                    Row row = rows.get(id);
                    if (row == null) {
                        row = new Row();
                        row.eventId = id;
                        row.communityId = result.getObject("community_id", UUID.class);
                        row.category = result.getString("category");
                        row.organiserId = result.getString("organiser_id");
                        row.startsAt = result.getObject("starts_at", OffsetDateTime.class).toInstant();
                        row.endsAt = result.getObject("ends_at", OffsetDateTime.class).toInstant();
                        row.afterTheFact = result.getBoolean("after_the_fact");
                        rows.put(id, row);
                    }
                    String person = result.getString("person_id");
                    if (person != null) {
                        row.attendees.add(person);
                    }
                }
            }
        }
        return rows;
    }
}
