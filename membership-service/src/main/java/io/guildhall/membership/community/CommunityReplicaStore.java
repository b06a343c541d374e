package io.guildhall.membership.community;

import io.guildhall.support.web.ConflictException;
import io.guildhall.support.web.NotFoundException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** membership-service's replica of the communities, built from guildhall.community.v1. */
@Repository
public class CommunityReplicaStore {

    private final DatabaseClient db;

    public CommunityReplicaStore(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Community> find(UUID id) {
        return db.sql("SELECT id, slug, name, visibility, archived FROM community WHERE id = :id").bind("id", id)
                .map(Community::read).one();
    }

    public Mono<Community> require(UUID id) {
        return find(id).switchIfEmpty(Mono.error(new NotFoundException("No community " + id)));
    }

    /** A community that still takes members and contributions: known and not archived. */
    public Mono<Community> requireActive(UUID id, String field) {
        return require(id).flatMap(c -> c.archived()
                ? Mono.error(new ConflictException(field, "the community is archived"))
                : Mono.just(c));
    }

    Mono<Void> upsert(UUID id, String slug, String name, String visibility, Instant at) {
        return db.sql("""
                        INSERT INTO community (id, slug, name, visibility, updated_at)
                        VALUES (:id, :slug, :name, :visibility, :at)
                        ON CONFLICT (id) DO UPDATE SET slug = :slug, name = :name, visibility = :visibility, updated_at = :at""")
                .bind("id", id).bind("slug", slug).bind("name", name).bind("visibility", visibility)
                .bind("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .then();
    }

    Mono<Void> archive(UUID id, Instant at) {
        return db.sql("UPDATE community SET archived = TRUE, updated_at = :at WHERE id = :id")
                .bind("id", id).bind("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).then();
    }
}
