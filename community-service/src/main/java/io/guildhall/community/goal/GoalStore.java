package io.guildhall.community.goal;

import io.guildhall.contracts.community.GoalMetric;
import io.guildhall.contracts.community.GoalStatus;
import io.r2dbc.spi.Readable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Goals in PostgreSQL. {@code version} is the optimistic lock and the ETag: 0 when set, one more at each change; a
 * write on a stale version fails with {@link OptimisticLockingFailureException} (a 409).
 */
@Repository
public class GoalStore {

    private static final String COLUMNS = """
            g.id, g.community_id, g.title, g.description, g.metric, g.unit, g.baseline, g.target, g.current_value,
            g.start_date, g.due_date, g.owner_id, g.status, g.created_by, g.created_at, g.updated_at, g.version""";

    private final DatabaseClient db;

    public GoalStore(DatabaseClient db) {
        this.db = db;
    }

    /** Inserts a new goal at version 0 and returns it as stored. */
    public Mono<Goal> insert(Goal goal) {
        Goal stored = goal.withVersion(0L);
        return bindAll(db.sql("""
                        INSERT INTO goal (id, community_id, title, description, metric, unit, baseline, target, current_value,
                            start_date, due_date, owner_id, status, created_by, created_at, updated_at, version)
                        VALUES (:id, :communityId, :title, :description, :metric, :unit, :baseline, :target, :currentValue,
                            :startDate, :dueDate, :ownerId, :status, :createdBy, :createdAt, :updatedAt, :version)"""), stored)
                .then().thenReturn(stored);
    }

    /** Writes a changed goal over the version it was read at; returns it at the next version. */
    public Mono<Goal> update(Goal goal) {
        Goal stored = goal.withVersion(goal.version() + 1);
        return bindAll(db.sql("""
                        UPDATE goal SET community_id = :communityId, title = :title, description = :description,
                            metric = :metric, unit = :unit, baseline = :baseline, target = :target,
                            current_value = :currentValue, start_date = :startDate, due_date = :dueDate,
                            owner_id = :ownerId, status = :status, created_by = :createdBy, created_at = :createdAt,
                            updated_at = :updatedAt, version = :version
                        WHERE id = :id AND version = :readVersion"""), stored)
                .bind("readVersion", goal.version())
                .fetch().rowsUpdated()
                .flatMap(rows -> rows == 1 ? Mono.just(stored) : Mono.error(new OptimisticLockingFailureException(
                        "Goal " + goal.id() + " changed since version " + goal.version())));
    }

    /**
     * Sets a goal's status alone, if it is still at the version it was read at (the hourly status check, racing a
     * person's edit); whether it did.
     */
    public Mono<Boolean> changeStatus(Goal goal, GoalStatus status) {
        return db.sql("UPDATE goal SET status = :s, version = version + 1 WHERE id = :id AND version = :v")
                .bind("s", status.name()).bind("id", goal.id()).bind("v", goal.version())
                .fetch().rowsUpdated()
                .map(rows -> rows == 1);
    }

    public Mono<Goal> find(UUID id) {
        return db.sql("SELECT " + COLUMNS + " FROM goal g WHERE g.id = :id").bind("id", id).map(row -> goal(row)).one();
    }

    /** A community's goals, by due date, then title. */
    public Flux<Goal> ofCommunity(UUID communityId) {
        return db.sql("SELECT " + COLUMNS + " FROM goal g WHERE g.community_id = :c ORDER BY g.due_date, g.title")
                .bind("c", communityId).map(row -> goal(row)).all();
    }

    /** Goals not yet ACHIEVED or MISSED, of communities that are not archived. */
    public Flux<Goal> openOfActiveCommunities() {
        return db.sql("SELECT " + COLUMNS + " FROM goal g JOIN community c ON c.id = g.community_id"
                        + " WHERE c.status <> 'ARCHIVED' AND g.status NOT IN ('ACHIEVED', 'MISSED')")
                .map(row -> goal(row)).all();
    }

    private static DatabaseClient.GenericExecuteSpec bindAll(DatabaseClient.GenericExecuteSpec spec, Goal g) {
        return spec.bind("id", g.id()).bind("communityId", g.communityId()).bind("title", g.title())
                .bind("description", Parameter.fromOrEmpty(g.description(), String.class))
                .bind("metric", g.metric().name()).bind("unit", Parameter.fromOrEmpty(g.unit(), String.class))
                .bind("baseline", g.baseline()).bind("target", g.target()).bind("currentValue", g.currentValue())
                .bind("startDate", g.startDate()).bind("dueDate", g.dueDate()).bind("ownerId", g.ownerId())
                .bind("status", g.status().name()).bind("createdBy", g.createdBy())
                .bind("createdAt", g.createdAt().atOffset(ZoneOffset.UTC)).bind("updatedAt", g.updatedAt().atOffset(ZoneOffset.UTC))
                .bind("version", g.version());
    }

    private static Goal goal(Readable row) {
        return new Goal(row.get("id", UUID.class), row.get("community_id", UUID.class), row.get("title", String.class),
                row.get("description", String.class), GoalMetric.valueOf(row.get("metric", String.class)),
                row.get("unit", String.class), row.get("baseline", BigDecimal.class), row.get("target", BigDecimal.class),
                row.get("current_value", BigDecimal.class), row.get("start_date", LocalDate.class),
                row.get("due_date", LocalDate.class), row.get("owner_id", String.class),
                GoalStatus.valueOf(row.get("status", String.class)), row.get("created_by", String.class),
                instant(row.get("created_at", OffsetDateTime.class)), instant(row.get("updated_at", OffsetDateTime.class)),
                row.get("version", Long.class));
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
