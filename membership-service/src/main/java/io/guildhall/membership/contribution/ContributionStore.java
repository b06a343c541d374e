package io.guildhall.membership.contribution;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

@Repository
public class ContributionStore {

    private final DatabaseClient db;

    public ContributionStore(DatabaseClient db) {
        this.db = db;
    }

    Mono<Contribution> findForUpdate(UUID id) {
        return db.sql("SELECT " + Contribution.COLUMNS + " FROM contribution WHERE id = :id FOR UPDATE").bind("id", id)
                .map(Contribution::read).one();
    }

    public Flux<Contribution> ofPerson(String personId, LocalDate from, LocalDate to) {
        return db.sql("SELECT " + Contribution.COLUMNS + " FROM contribution WHERE person_id = :p AND work_date BETWEEN :from AND :to "
                        + "ORDER BY work_date DESC, logged_at DESC")
                .bind("p", personId).bind("from", from).bind("to", to).map(Contribution::read).all();
    }

    /**
     * Serialises one person's logging: the day total is read after this lock, so two entries logged at once cannot
     * both pass the 16-hour limit.
     */
    Mono<Void> lockPerson(String personId) {
        return db.sql("SELECT id FROM person WHERE id = :p FOR UPDATE").bind("p", personId).fetch().all().then();
    }

    Mono<Long> minutesOn(String personId, LocalDate date, UUID except) {
        return db.sql("SELECT coalesce(sum(minutes), 0) AS total FROM contribution WHERE person_id = :p AND work_date = :d "
                        + "AND id <> :except")
                .bind("p", personId).bind("d", date).bind("except", except)
                .map(r -> ((Number) r.get("total")).longValue()).one();
    }

    Mono<Void> insert(Contribution c) {
        return bindNote(db.sql("INSERT INTO contribution (id, person_id, community_id, kind, work_date, minutes, note, "
                        + "logged_at, updated_at) VALUES (:id, :p, :c, :kind, :date, :minutes, :note, :logged, :updated)"), c)
                .bind("id", c.id()).bind("p", c.personId()).bind("c", c.communityId()).bind("kind", c.kind())
                .bind("date", c.date()).bind("minutes", c.minutes()).bind("logged", at(c.loggedAt()))
                .bind("updated", at(c.updatedAt()))
                .then();
    }

    Mono<Void> update(Contribution c) {
        return bindNote(db.sql("UPDATE contribution SET community_id = :c, kind = :kind, work_date = :date, "
                        + "minutes = :minutes, note = :note, updated_at = :updated WHERE id = :id"), c)
                .bind("id", c.id()).bind("c", c.communityId()).bind("kind", c.kind()).bind("date", c.date())
                .bind("minutes", c.minutes()).bind("updated", at(c.updatedAt()))
                .then();
    }

    Mono<Void> delete(UUID id) {
        return db.sql("DELETE FROM contribution WHERE id = :id").bind("id", id).then();
    }

    /** Erasure: notes are free text about the person's work. */
    public Mono<Void> eraseNotes(String personId) {
        return db.sql("UPDATE contribution SET note = NULL WHERE person_id = :p").bind("p", personId).then();
    }

    private static DatabaseClient.GenericExecuteSpec bindNote(DatabaseClient.GenericExecuteSpec spec, Contribution c) {
        return c.note() == null ? spec.bindNull("note", String.class) : spec.bind("note", c.note());
    }

    private static OffsetDateTime at(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
