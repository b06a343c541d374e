package io.guildhall.analytics.report;

import io.guildhall.analytics.participation.LedgerEntry;
import io.guildhall.analytics.participation.Period;
import io.guildhall.analytics.participation.ProfileHistory;
import io.guildhall.analytics.participation.ProfileVersion;
import io.guildhall.analytics.settings.AnalyticsSettings;
import io.guildhall.contracts.contribution.ContributionDirection;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The reports' reads of the read model the consumers build (V3__read_model.sql). Read only: every figure is
 * computed from these rows, so a rebuild from the topics yields the same reports.
 */
@Singleton
public class ReadModel {

    private final AnalyticsSettings settings;

    public ReadModel(AnalyticsSettings settings) {
        this.settings = settings;
    }

    /** Every person's profile history, keyed by person id (pseudonyms for erased people). */
    public Map<String, ProfileHistory> profiles(Connection connection) throws SQLException {
        return profiles(connection, "SELECT * FROM person_profile", List.of());
    }

    /** The profile histories of these people, in one query. */
    public Map<String, ProfileHistory> profilesOf(Connection connection, java.util.Collection<String> personIds)
            throws SQLException {
        if (personIds.isEmpty()) {
            return Map.of();
        }
        return profiles(connection, "SELECT * FROM person_profile WHERE person_id = ANY (?)",
                List.of((Object) personIds.toArray(String[]::new)));
    }

    public ProfileHistory profile(Connection connection, String personId) throws SQLException {
        return profiles(connection, "SELECT * FROM person_profile WHERE person_id = ?", List.of(personId))
                .getOrDefault(personId, new ProfileHistory(List.of()));
    }

    /**
     * The ledger lines dated within the period, with more than 0 minutes (withdrawn ones count nothing), handed over
     * person by person (each person once, with all their lines) while they are read: the caller never holds the
     * period's whole ledger. Reads in batches, inside the caller's transaction.
     */
    public void ledgerByPerson(Connection connection, Period period, PersonLines perPerson) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(ledgerSql(" ORDER BY person_id"))) {
            statement.setFetchSize(LEDGER_FETCH_SIZE);
            List<Object> parameters = ledgerParameters(period);
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
            try (ResultSet rows = statement.executeQuery()) {
                String person = null;
                List<LedgerEntry> lines = new ArrayList<>();
                while (rows.next()) {
                    LedgerEntry line = ledgerLine(rows);
                    if (person != null && !person.equals(line.personId())) {
                        perPerson.accept(person, lines);
                        lines = new ArrayList<>();
                    }
                    person = line.personId();
                    lines.add(line);
                }
                if (person != null) {
                    perPerson.accept(person, lines);
                }
            }
        }
    }

    /** Receives one person's ledger lines. */
    @FunctionalInterface
    public interface PersonLines {
        void accept(String personId, List<LedgerEntry> lines) throws SQLException;
    }

    /** Rows per round trip while streaming the ledger: a few MB, whatever the ledger's size. */
    private static final int LEDGER_FETCH_SIZE = 5_000;

    public List<LedgerEntry> ledgerOf(Connection connection, String personId, Period period) throws SQLException {
        return ledger(connection, " AND person_id = ?", period, List.of(personId));
    }

    public List<LedgerEntry> ledgerOfCommunity(Connection connection, UUID communityId, Period period)
            throws SQLException {
        return ledger(connection, " AND community_id = ?", period, List.of(communityId));
    }

    public List<LedgerEntry> ledgerOfPeople(Connection connection, java.util.Collection<String> personIds,
                                            Period period) throws SQLException {
        if (personIds.isEmpty()) {
            return List.of();
        }
        return ledger(connection, " AND person_id = ANY (?)", period,
                List.of((Object) personIds.toArray(String[]::new)));
    }

    /**
     * The people a person met in the period, counted in the database (a 10,000-person organisation's member met
     * about 1,400 people a quarter; reading their lines and profiles into the JVM was most of {@code me}'s time):
     * <ul>
     *   <li>co-attendees: everyone else with a ledger line (attended, or organised) at an event the person attended
     *   in the period, met on the first such day;</li>
     *   <li>community peers: the other members, during the period, of the communities the person was a member of
     *   during it, met on its last day;</li>
     *   <li>departments and levels: distinct, each person's as their profile was in force on the day met (the
     *   latest version from that day or before, as {@code ProfileHistory.inForce}); someone met both ways counts
     *   with both days' profiles.</li>
     * </ul>
     */
    public MeReport.NetworkReach reach(Connection connection, String personId, Period period) throws SQLException {
        // In two steps: with the events as a literal list the lines are read by the event index
        // (as a subquery the planner joined the whole period's ledger: 0.4 s instead of a few ms).
        UUID[] events = eventsAttended(connection, personId, period).toArray(UUID[]::new);
        List<Object> parameters = new ArrayList<>(ledgerParameters(period));
        parameters.add(events);
        parameters.add(personId);
        parameters.add(Date.valueOf(period.end()));
        parameters.addAll(membersParameters(period, null));
        parameters.addAll(membersParameters(period, null));
        parameters.add(personId);
        parameters.add(personId);
        String members = MEMBERS_DURING.strip();
        return list(connection, "WITH co AS (SELECT person_id, min(on_date) AS day FROM ("
                + ledgerSql(" AND event_id = ANY (?)") + ") line WHERE person_id <> ? GROUP BY person_id),"
                + " peers AS (SELECT DISTINCT person_id, ?::date AS day FROM (" + members + ") m"
                + " WHERE community_id IN (SELECT community_id FROM (" + members + ") mm WHERE person_id = ?)"
                + " AND person_id <> ?),"
                + " seen AS (SELECT person_id, day FROM co UNION ALL SELECT person_id, day FROM peers),"
                + " profile_on AS (SELECT v.department, v.level FROM seen s CROSS JOIN LATERAL"
                + " (SELECT department, level FROM person_profile p WHERE p.person_id = s.person_id"
                + " AND p.effective_from <= s.day ORDER BY p.effective_from DESC LIMIT 1) v)"
                + " SELECT (SELECT count(*) FROM (SELECT person_id FROM co UNION SELECT person_id FROM peers) met),"
                + " (SELECT count(DISTINCT department) FROM profile_on), (SELECT count(DISTINCT level) FROM profile_on),"
                + " (SELECT count(*) FROM co), (SELECT count(*) FROM peers)",
                parameters, row -> new MeReport.NetworkReach(row.getInt(1), row.getInt(2), row.getInt(3), row.getInt(4),
                        row.getInt(5))).get(0);
    }

    /** The events at which the person has an attendance (more than 0 minutes) dated in the period. */
    private List<UUID> eventsAttended(Connection connection, String personId, Period period) throws SQLException {
        return list(connection, """
                SELECT DISTINCT event_id FROM participation WHERE person_id = ? AND source = 'ATTENDANCE'
                AND minutes > 0 AND on_date BETWEEN ? AND ? AND event_id IS NOT NULL""",
                List.of(personId, Date.valueOf(period.start()), Date.valueOf(period.end())),
                row -> row.getObject(1, UUID.class));
    }

    public Optional<String> communityName(Connection connection, UUID communityId) throws SQLException {
        List<String> names = list(connection, "SELECT name FROM community WHERE id = ?", List.of(communityId),
                row -> row.getString(1));
        return names.stream().findFirst();
    }

    public Map<UUID, String> communityNames(Connection connection) throws SQLException {
        Map<UUID, String> names = new HashMap<>();
        for (Object[] row : list(connection, "SELECT id, name FROM community", List.of(),
                row -> new Object[]{row.getObject(1, UUID.class), row.getString(2)})) {
            names.put((UUID) row[0], (String) row[1]);
        }
        return names;
    }

    public boolean leads(Connection connection, UUID communityId, String personId) throws SQLException {
        return !list(connection, "SELECT 1 FROM community_lead WHERE community_id = ? AND person_id = ? AND active",
                List.of(communityId, personId), row -> 1).isEmpty();
    }

    /** The community's members during the period: joined by its end, not left before its start. */
    public List<String> members(Connection connection, UUID communityId, Period period) throws SQLException {
        return list(connection, MEMBERS_DURING + " AND community_id = ?",
                membersParameters(period, communityId), row -> row.getString("person_id"));
    }

    /** Every community's members during the period. */
    public Map<UUID, List<String>> allMembers(Connection connection, Period period) throws SQLException {
        Map<UUID, List<String>> members = new LinkedHashMap<>();
        for (Object[] row : list(connection, MEMBERS_DURING, membersParameters(period, null),
                row -> new Object[]{row.getObject("community_id", UUID.class), row.getString("person_id")})) {
            members.computeIfAbsent((UUID) row[0], id -> new ArrayList<>()).add((String) row[1]);
        }
        return members;
    }

    /** Events of the community that took place (scheduled, not cancelled) with a start in the period. */
    public List<UUID> eventsHeld(Connection connection, UUID communityId, Period period, String zone)
            throws SQLException {
        return list(connection, """
                SELECT event_id FROM calendar_event
                WHERE community_id = ? AND scheduled AND NOT cancelled AND starts_at <= now()
                  AND (starts_at AT TIME ZONE ?)::date BETWEEN ? AND ?""",
                List.of(communityId, zone, Date.valueOf(period.start()), Date.valueOf(period.end())),
                row -> row.getObject(1, UUID.class));
    }

    /**
     * Every attendance (more than 0 minutes) at the community's held events that started on or before {@code until}
     * (local dates in {@code zone}): who came to which, and when.
     */
    public List<NewAndReturning.Attended> attendanceHistory(Connection connection, UUID communityId, LocalDate until,
                                                            String zone) throws SQLException {
        return list(connection, """
                SELECT DISTINCT p.event_id, p.person_id, (e.starts_at AT TIME ZONE ?)::date
                FROM participation p JOIN calendar_event e ON e.event_id = p.event_id
                WHERE p.source = 'ATTENDANCE' AND p.minutes > 0 AND e.community_id = ? AND e.scheduled
                  AND NOT e.cancelled AND e.starts_at <= now() AND (e.starts_at AT TIME ZONE ?)::date <= ?""",
                List.of(zone, communityId, zone, Date.valueOf(until)),
                row -> new NewAndReturning.Attended(row.getObject(1, UUID.class), row.getString(2),
                        row.getDate(3).toLocalDate()));
    }

    /** Who reported to {@code managerId} on {@code asOf}: each person's latest manager row on or before that day. */
    public List<String> directReports(Connection connection, String managerId, LocalDate asOf) throws SQLException {
        return list(connection, """
                SELECT person_id FROM (
                    SELECT DISTINCT ON (person_id) person_id, manager_id FROM person_manager
                    WHERE effective_from <= ? ORDER BY person_id, effective_from DESC, as_of DESC) latest
                WHERE manager_id = ?""", List.of(Date.valueOf(asOf), managerId), row -> row.getString(1));
    }

    /** The community of a held event analytics knows, if any. */
    public Optional<UUID> communityOfEvent(Connection connection, UUID eventId) throws SQLException {
        return list(connection, "SELECT community_id FROM calendar_event WHERE event_id = ? AND community_id IS NOT NULL",
                List.of(eventId), row -> row.getObject(1, UUID.class)).stream().findFirst();
    }

    /** RSVPs still GOING at the events (no-shows included: they said they would come). */
    public List<RsvpLine> goingRsvps(Connection connection, List<UUID> eventIds) throws SQLException {
        if (eventIds.isEmpty()) {
            return List.of();
        }
        return list(connection, "SELECT event_id, person_id, no_show FROM rsvp WHERE status = 'GOING'"
                        + " AND event_id = ANY (?)", List.<Object>of((Object) eventIds.toArray(UUID[]::new)),
                row -> new RsvpLine(row.getObject(1, UUID.class), row.getString(2), row.getBoolean(3)));
    }

    /** Who attended which of these events (more than 0 minutes after corrections). */
    public List<RsvpLine> attendances(Connection connection, List<UUID> eventIds) throws SQLException {
        if (eventIds.isEmpty()) {
            return List.of();
        }
        return list(connection, "SELECT DISTINCT event_id, person_id FROM participation WHERE source = 'ATTENDANCE'"
                        + " AND minutes > 0 AND event_id = ANY (?)", List.<Object>of((Object) eventIds.toArray(UUID[]::new)),
                row -> new RsvpLine(row.getObject(1, UUID.class), row.getString(2), false));
    }

    /** Each goal's status, per community. */
    public Map<UUID, Map<String, Integer>> goalsByStatus(Connection connection) throws SQLException {
        Map<UUID, Map<String, Integer>> goals = new HashMap<>();
        for (Object[] row : list(connection, "SELECT community_id, status, count(*) FROM goal"
                        + " GROUP BY community_id, status", List.of(),
                row -> new Object[]{row.getObject(1, UUID.class), row.getString(2), row.getInt(3)})) {
            goals.computeIfAbsent((UUID) row[0], id -> new TreeMap<>()).put((String) row[1], (Integer) row[2]);
        }
        return goals;
    }

    public record RsvpLine(UUID eventId, String personId, boolean noShow) {
    }

    private static final String MEMBERS_DURING = """
            SELECT community_id, person_id FROM membership
            WHERE (joined_at IS NULL OR (joined_at AT TIME ZONE ?)::date <= ?)
              AND (left_at IS NULL OR (left_at AT TIME ZONE ?)::date >= ?)""";

    /** Joined and left are instants; the days they fall on are the organisation's. */
    private List<Object> membersParameters(Period period, UUID communityId) {
        String zone = settings.zone().getId();
        List<Object> parameters = new ArrayList<>(List.of(zone, Date.valueOf(period.end()), zone,
                Date.valueOf(period.start())));
        if (communityId != null) {
            parameters.add(communityId);
        }
        return parameters;
    }

    private Map<String, ProfileHistory> profiles(Connection connection, String sql, List<Object> parameters)
            throws SQLException {
        Map<String, List<ProfileVersion>> versions = new HashMap<>();
        for (Object[] row : list(connection, sql, parameters, row -> new Object[]{row.getString("person_id"),
                new ProfileVersion(row.getDate("effective_from").toLocalDate(), row.getString("department"),
                        row.getString("level"), row.getString("location"), row.getInt("weekly_hours"),
                        row.getBoolean("active"))})) {
            versions.computeIfAbsent((String) row[0], id -> new ArrayList<>()).add((ProfileVersion) row[1]);
        }
        Map<String, ProfileHistory> histories = new HashMap<>();
        versions.forEach((person, history) -> histories.put(person, new ProfileHistory(history)));
        return histories;
    }

    /**
     * Lines dated in the period, and attendances of events that started before it and were still going on its first
     * day (a conference from Friday into Monday): their days in the period count in it (rule 4). A day of slack on
     * either side covers people whose zone is ahead of or behind the organisation's.
     */
    private List<LedgerEntry> ledger(Connection connection, String condition, Period period, List<Object> extra)
            throws SQLException {
        List<Object> parameters = new ArrayList<>(ledgerParameters(period));
        parameters.addAll(extra);
        return list(connection, ledgerSql(condition), parameters, ReadModel::ledgerLine);
    }

    /** The ledger's lines (logged and organising) of a period, with {@code condition} ANDed on. */
    private static String ledgerSql(String condition) {
        return "SELECT " + LINE + " FROM (SELECT " + LINE + " FROM participation WHERE minutes > 0"
                + " UNION ALL " + ORGANISING + ") line"
                + " WHERE on_date <= ? AND (on_date >= ? OR (ends_at IS NOT NULL AND ends_at >= ?::date)) " + condition;
    }

    /** The parameters of {@link #ledgerSql} before the condition's: the zone, then the period's bounds with slack. */
    private List<Object> ledgerParameters(Period period) {
        return List.of(settings.zone().getId(), Date.valueOf(period.end().plusDays(1)),
                Date.valueOf(period.start().minusDays(1)), Date.valueOf(period.start().minusDays(1)));
    }

    private static LedgerEntry ledgerLine(ResultSet row) throws SQLException {
        return new LedgerEntry(row.getString(1), row.getDate(2).toLocalDate(), row.getString(3),
                ContributionDirection.valueOf(row.getString(4)),
                row.getObject(5, UUID.class), row.getObject(6, UUID.class), row.getInt(7), instant(row, 8),
                instant(row, 9));
    }

    private static final String LINE =
            "person_id, on_date, category, direction, community_id, event_id, minutes, starts_at, ends_at";

    /**
     * Rule 1b of docs/participation.md: an organiser's own time is organising, a contribution kind (GIVING), for the
     * event's length, once the event has ended with at least one other person checked in. Derived here rather than
     * logged, so that a cancellation (rule 8) or a withdrawn check-in takes it back; the day rules then apply as to
     * any line. An organiser with an attendance of their own at the event (recorded before rule 1) keeps that one
     * instead: the same time never counts twice. Parameter: the organisation's zone (the line's date, as
     * attendance's).
     */
    private static final String ORGANISING = """
            SELECT e.organiser_id, (e.starts_at AT TIME ZONE ?)::date, 'ORGANISING', 'GIVING', e.community_id,
                   e.event_id, (extract(epoch FROM e.ends_at - e.starts_at) / 60)::int, e.starts_at, e.ends_at
            FROM calendar_event e
            WHERE e.scheduled AND NOT e.cancelled AND e.organiser_id IS NOT NULL AND e.ends_at <= now()
              AND EXISTS (SELECT 1 FROM participation p WHERE p.event_id = e.event_id AND p.source = 'ATTENDANCE'
                          AND p.minutes > 0 AND p.person_id <> e.organiser_id)
              AND NOT EXISTS (SELECT 1 FROM participation o WHERE o.event_id = e.event_id AND o.source = 'ATTENDANCE'
                              AND o.minutes > 0 AND o.person_id = e.organiser_id)""";

    private static Instant instant(ResultSet row, int column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    @FunctionalInterface
    private interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    private static <T> List<T> list(Connection connection, String sql, List<Object> parameters, RowMapper<T> mapper)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                Object parameter = parameters.get(i);
                if (parameter instanceof UUID[] ids) {
                    statement.setArray(i + 1, connection.createArrayOf("uuid", ids));
                } else if (parameter instanceof String[] texts) {
                    statement.setArray(i + 1, connection.createArrayOf("text", texts));
                } else if (parameter instanceof LocalDate day) {
                    statement.setDate(i + 1, Date.valueOf(day));
                } else {
                    statement.setObject(i + 1, parameter);
                }
            }
            try (ResultSet rows = statement.executeQuery()) {
                List<T> result = new ArrayList<>();
                while (rows.next()) {
                    result.add(mapper.map(rows));
                }
                return result;
            }
        }
    }
}
