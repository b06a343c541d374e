package io.guildhall.analytics.community;

import io.guildhall.analytics.jdbc.Sql;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/** Who leads a community (community_lead) and its goals (goal). */
@Singleton
public class GovernanceStore {

    private static final String GOAL_COLUMNS = "goal_id, community_id, title, metric, due_date, status, as_of";

    public void changeLead(Connection transaction, LeadRow incoming) throws SQLException {
        Optional<LeadRow> current = Sql.one(transaction, """
                SELECT community_id, person_id, active, as_of FROM community_lead
                WHERE community_id = ? AND person_id = ? FOR UPDATE""",
                row -> new LeadRow(Sql.uuid(row, "community_id"), row.getString("person_id"),
                        row.getBoolean("active"), Sql.instant(row, "as_of")),
                incoming.communityId(), incoming.personId());
        Optional<LeadRow> next = LeadRow.after(current, incoming);
        if (next.isPresent()) {
            Sql.update(transaction, """
                    INSERT INTO community_lead (community_id, person_id, active, as_of) VALUES (?, ?, ?, ?)
                    ON CONFLICT (community_id, person_id) DO UPDATE SET active = EXCLUDED.active,
                        as_of = EXCLUDED.as_of""",
                    next.get().communityId(), next.get().personId(), next.get().active(), next.get().asOf());
        }
    }

    public void changeGoal(Connection transaction, UUID goalId, Function<Optional<GoalRow>, Optional<GoalRow>> rule)
            throws SQLException {
        Optional<GoalRow> next = rule.apply(Sql.one(transaction,
                "SELECT " + GOAL_COLUMNS + " FROM goal WHERE goal_id = ? FOR UPDATE",
                row -> new GoalRow(Sql.uuid(row, "goal_id"), Sql.uuid(row, "community_id"), row.getString("title"),
                        row.getString("metric"), Sql.date(row, "due_date"), row.getString("status"),
                        Sql.instant(row, "as_of")),
                goalId));
        if (next.isEmpty()) {
            return;
        }
        GoalRow row = next.get();
        Sql.update(transaction, "INSERT INTO goal (" + GOAL_COLUMNS + """
                ) VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (goal_id) DO UPDATE SET community_id = EXCLUDED.community_id, title = EXCLUDED.title,
                    metric = EXCLUDED.metric, due_date = EXCLUDED.due_date, status = EXCLUDED.status,
                    as_of = EXCLUDED.as_of""",
                row.goalId(), row.communityId(), row.title(), row.metric(), row.dueDate(), row.status(), row.asOf());
    }
}
