package io.guildhall.membership.person;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;

@Repository
public class PersonStore {

    private final DatabaseClient db;

    public PersonStore(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Person> find(String id) {
        return db.sql("SELECT " + Person.COLUMNS + " FROM person WHERE id = :id").bind("id", id)
                .map(Person::read).one();
    }

    /** Locks the row for the rest of the transaction, so that a sync and a just-in-time update do not interleave. */
    Mono<Person> findForUpdate(String id) {
        return db.sql("SELECT " + Person.COLUMNS + " FROM person WHERE id = :id FOR UPDATE").bind("id", id)
                .map(Person::read).one();
    }

    /** Inserts unless the id exists already; true when this call inserted it. */
    Mono<Boolean> insert(String id, Profile p, LocalDate effectiveFrom, Instant now) {
        return bindProfile(db.sql("""
                        INSERT INTO person (id, username, display_name, email, department, level, location, manager_id,
                            weekly_hours, weekly_hours_defaulted, active, effective_from, created_at, updated_at)
                        VALUES (:id, :username, :displayName, :email, :department, :level, :location, :managerId,
                            :weeklyHours, :defaulted, :active, :effectiveFrom, :now, :now)
                        ON CONFLICT (id) DO NOTHING"""), p)
                .bind("id", id).bind("effectiveFrom", effectiveFrom).bind("now", at(now))
                .fetch().rowsUpdated().map(n -> n > 0);
    }

    Mono<Void> update(String id, Profile p, LocalDate effectiveFrom, Instant now) {
        return bindProfile(db.sql("""
                        UPDATE person SET username = :username, display_name = :displayName, email = :email,
                            department = :department, level = :level, location = :location, manager_id = :managerId,
                            weekly_hours = :weeklyHours, weekly_hours_defaulted = :defaulted, active = :active,
                            effective_from = :effectiveFrom, updated_at = :now
                        WHERE id = :id"""), p)
                .bind("id", id).bind("effectiveFrom", effectiveFrom).bind("now", at(now))
                .then();
    }

    /** Keeps only the tombstone: the id, so that a later sync does not bring the person back. */
    public Mono<Void> erase(String id, Instant now) {
        return db.sql("""
                        UPDATE person SET username = 'erased', display_name = 'Erased person', email = NULL,
                            department = NULL, level = NULL, location = NULL, manager_id = NULL, active = FALSE,
                            erased = TRUE, updated_at = :now
                        WHERE id = :id""")
                .bind("id", id).bind("now", at(now)).then();
    }

    Flux<String> activeIds() {
        return db.sql("SELECT id FROM person WHERE active AND NOT erased").map(r -> r.get("id", String.class)).all();
    }

    Flux<Person> search(String department, String text, int page, int size) {
        return db.sql("SELECT " + Person.COLUMNS + " FROM person" + where(department, text)
                        + " ORDER BY lower(display_name), id LIMIT :limit OFFSET :offset")
                .bindValues(filters(department, text, page, size))
                .map(Person::read).all();
    }

    Mono<Long> count(String department, String text) {
        return db.sql("SELECT count(*) AS n FROM person" + where(department, text))
                .bindValues(filters(department, text, 0, 0))
                .map(r -> r.get("n", Long.class)).one();
    }

    private static String where(String department, String text) {
        StringBuilder sql = new StringBuilder(" WHERE active AND NOT erased");
        if (department != null) {
            sql.append(" AND lower(department) = :department");
        }
        if (text != null) {
            sql.append(" AND (lower(display_name) LIKE :text ESCAPE '\\' OR lower(username) LIKE :text ESCAPE '\\')");
        }
        return sql.toString();
    }

    private static java.util.Map<String, Object> filters(String department, String text, int page, int size) {
        java.util.Map<String, Object> values = new java.util.HashMap<>();
        if (department != null) {
            values.put("department", department.toLowerCase(Locale.ROOT));
        }
        if (text != null) {
            values.put("text", "%" + text.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_") + "%");
        }
        if (size > 0) {
            values.put("limit", size);
            values.put("offset", (long) page * size);
        }
        return values;
    }

    private static DatabaseClient.GenericExecuteSpec bindProfile(DatabaseClient.GenericExecuteSpec spec, Profile p) {
        return bindNullable(bindNullable(bindNullable(bindNullable(bindNullable(spec
                .bind("username", p.username())
                .bind("displayName", p.displayName()), "email", p.email()), "department", p.department()),
                "level", p.level()), "location", p.location()), "managerId", p.managerId())
                .bind("weeklyHours", p.weeklyHours())
                .bind("defaulted", p.weeklyHoursDefaulted())
                .bind("active", p.active());
    }

    static DatabaseClient.GenericExecuteSpec bindNullable(DatabaseClient.GenericExecuteSpec spec, String name, String value) {
        return value == null ? spec.bindNull(name, String.class) : spec.bind(name, value);
    }

    static OffsetDateTime at(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
