package io.guildhall.community.goal;

import io.guildhall.contracts.community.ProgressSource;
import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** Append-only history of goal check-ins. */
@Repository
public class CheckInStore {

    private final DatabaseClient db;

    public CheckInStore(DatabaseClient db) {
        this.db = db;
    }

    Mono<Void> append(CheckIn checkIn) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                        INSERT INTO goal_check_in (id, goal_id, value, as_of, comment, source, author_id, reported_at)
                        VALUES (:id, :goal, :value, :asOf, :comment, :source, :author, :at)""")
                .bind("id", checkIn.id()).bind("goal", checkIn.goalId()).bind("value", checkIn.value())
                .bind("asOf", checkIn.asOf()).bind("source", checkIn.source().name())
                .bind("at", OffsetDateTime.ofInstant(checkIn.reportedAt(), ZoneOffset.UTC));
        spec = checkIn.comment() == null ? spec.bindNull("comment", String.class) : spec.bind("comment", checkIn.comment());
        spec = checkIn.authorId() == null ? spec.bindNull("author", String.class) : spec.bind("author", checkIn.authorId());
        return spec.then();
    }

    /** The goal's level: the value of the check-in with the latest as-of date (the latest reported on a tie). */
    Mono<BigDecimal> latestValue(UUID goalId) {
        return db.sql("SELECT value FROM goal_check_in WHERE goal_id = :g ORDER BY as_of DESC, reported_at DESC LIMIT 1")
                .bind("g", goalId).map(row -> row.get("value", BigDecimal.class)).first();
    }

    /** Newest first. */
    public Flux<CheckIn> history(UUID goalId) {
        return db.sql("SELECT * FROM goal_check_in WHERE goal_id = :g ORDER BY as_of DESC, reported_at DESC")
                .bind("g", goalId).map(CheckInStore::checkIn).all();
    }

    /** Every check-in of a community's goals as of a day or earlier, oldest first. */
    public Flux<CheckIn> ofCommunity(UUID communityId, LocalDate until) {
        return db.sql("""
                        SELECT ci.* FROM goal_check_in ci JOIN goal g ON g.id = ci.goal_id
                        WHERE g.community_id = :c AND ci.as_of <= :until
                        ORDER BY ci.as_of, ci.reported_at""")
                .bind("c", communityId).bind("until", until).map(CheckInStore::checkIn).all();
    }

    private static CheckIn checkIn(Readable row) {
        OffsetDateTime at = row.get("reported_at", OffsetDateTime.class);
        return new CheckIn(row.get("id", UUID.class), row.get("goal_id", UUID.class), row.get("value", BigDecimal.class),
                row.get("as_of", LocalDate.class), row.get("comment", String.class),
                ProgressSource.valueOf(row.get("source", String.class)), row.get("author_id", String.class),
                at == null ? null : at.toInstant());
    }

}
