package io.guildhall.membership.keycloak;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * The keycloak_sync rows (Keycloak work promised in a membership change's transaction), and the state of this
 * service's database that the work reconciles Keycloak with.
 */
@Repository
public class KeycloakSyncStore {

    /** What Keycloak should show for a person and a community: the group, and whether they belong in it. */
    record GroupState(String slug, String groupId, boolean wanted) {
    }

    private final DatabaseClient db;

    public KeycloakSyncStore(DatabaseClient db) {
        this.db = db;
    }

    Mono<Void> enqueue(String kind, String personId, UUID communityId, Instant now) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("INSERT INTO keycloak_sync (kind, person_id, community_id, "
                        + "next_attempt_at, created_at) VALUES (:kind, :person, :community, :now, :now)")
                .bind("kind", kind).bind("person", personId).bind("now", utc(now));
        return (communityId == null ? spec.bindNull("community", UUID.class) : spec.bind("community", communityId)).then();
    }

    /**
     * Claims up to {@code limit} due rows (SKIP LOCKED), leased until {@code leaseUntil} by pushing their next attempt
     * ahead, so several instances share the work; in id order.
     */
    Flux<SyncTask> claim(Instant now, Instant leaseUntil, int limit) {
        return db.sql("""
                        UPDATE keycloak_sync SET next_attempt_at = :lease
                        WHERE id IN (SELECT id FROM keycloak_sync WHERE done_at IS NULL AND next_attempt_at <= :now
                                     ORDER BY id LIMIT :limit FOR UPDATE SKIP LOCKED)
                        RETURNING id, kind, person_id, community_id, attempts""")
                .bind("lease", utc(leaseUntil)).bind("now", utc(now)).bind("limit", limit)
                .map(SyncTask::read).all()
                .sort(java.util.Comparator.comparingLong(SyncTask::id));
    }

    Mono<Void> done(long id, Instant now) {
        return db.sql("UPDATE keycloak_sync SET done_at = :now, attempts = attempts + 1, last_error = NULL WHERE id = :id")
                .bind("now", utc(now)).bind("id", id).then();
    }

    Mono<Void> retryLater(long id, int attempts, Instant next, String error) {
        return db.sql("UPDATE keycloak_sync SET attempts = :attempts, next_attempt_at = :next, last_error = :error "
                        + "WHERE id = :id")
                .bind("attempts", attempts).bind("next", utc(next))
                .bind("error", error.length() > 1000 ? error.substring(0, 1000) : error).bind("id", id)
                .then();
    }

    Mono<Long> pending() {
        return db.sql("SELECT count(*) AS n FROM keycloak_sync WHERE done_at IS NULL").map(r -> r.get("n", Long.class))
                .one();
    }

    /** Whether the person leads a community that is not archived (and so should hold the realm role). */
    Mono<Boolean> leadsACommunity(String personId) {
        return db.sql("SELECT EXISTS (SELECT 1 FROM membership m JOIN community c ON c.id = m.community_id "
                        + "WHERE m.person_id = :p AND m.left_at IS NULL AND m.role = 'LEAD' AND NOT c.archived) AS lead")
                .bind("p", personId).map(r -> r.get("lead", Boolean.class)).one();
    }

    Mono<GroupState> groupState(String personId, UUID communityId) {
        return db.sql("SELECT c.slug, c.keycloak_group_id, c.archived, EXISTS (SELECT 1 FROM membership m "
                        + "WHERE m.community_id = c.id AND m.person_id = :p AND m.left_at IS NULL) AS member "
                        + "FROM community c WHERE c.id = :c")
                .bind("p", personId).bind("c", communityId)
                .map(r -> new GroupState(r.get("slug", String.class), r.get("keycloak_group_id", String.class),
                        r.get("member", Boolean.class) && !r.get("archived", Boolean.class)))
                .one();
    }

    Mono<Void> groupId(UUID communityId, String groupId) {
        return db.sql("UPDATE community SET keycloak_group_id = :g WHERE id = :c").bind("g", groupId)
                .bind("c", communityId).then();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
