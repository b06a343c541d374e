package io.guildhall.membership.membership;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.UUID;

import static io.guildhall.membership.membership.MembershipStore.at;

@Repository
public class RequestStore {

    private final DatabaseClient db;

    public RequestStore(DatabaseClient db) {
        this.db = db;
    }

    /** Locked for the rest of the transaction, so that two leads deciding at once decide once. */
    Mono<MembershipRequest> findForUpdate(UUID id) {
        return db.sql("SELECT " + MembershipRequest.COLUMNS + " FROM membership_request WHERE id = :id FOR UPDATE")
                .bind("id", id).map(MembershipRequest::read).one();
    }

    Mono<Boolean> pendingExists(UUID communityId, String personId) {
        return db.sql("SELECT EXISTS (SELECT 1 FROM membership_request WHERE community_id = :c AND person_id = :p "
                        + "AND status = 'PENDING') AS pending")
                .bind("c", communityId).bind("p", personId).map(r -> r.get("pending", Boolean.class)).one();
    }

    public Flux<MembershipRequest> pendingOf(UUID communityId) {
        return db.sql("SELECT " + MembershipRequest.COLUMNS + " FROM membership_request WHERE community_id = :c "
                        + "AND status = 'PENDING' ORDER BY requested_at, id")
                .bind("c", communityId).map(MembershipRequest::read).all();
    }

    public Flux<MembershipRequest> ofPerson(String personId) {
        return db.sql("SELECT " + MembershipRequest.COLUMNS + " FROM membership_request WHERE person_id = :p "
                        + "ORDER BY requested_at, id")
                .bind("p", personId).map(MembershipRequest::read).all();
    }

    Mono<Void> insert(MembershipRequest r) {
        return db.sql("INSERT INTO membership_request (id, community_id, person_id, status, requested_at) "
                        + "VALUES (:id, :c, :p, 'PENDING', :at)")
                .bind("id", r.id()).bind("c", r.communityId()).bind("p", r.personId()).bind("at", at(r.requestedAt()))
                .then();
    }

    Mono<Void> decide(UUID id, String status, String reason, String by, Instant when) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("UPDATE membership_request SET status = :status, reason = :reason, "
                        + "decided_by = :by, decided_at = :at WHERE id = :id")
                .bind("id", id).bind("status", status).bind("by", by).bind("at", at(when));
        return (reason == null ? spec.bindNull("reason", String.class) : spec.bind("reason", reason)).then();
    }

    /** Pending requests of a community (communityId given) or of a person (personId given) lapse. */
    Mono<Void> withdrawPending(UUID communityId, String personId, Instant when) {
        String where = communityId != null ? "community_id = :key" : "person_id = :key";
        return db.sql("UPDATE membership_request SET status = 'WITHDRAWN', decided_at = :at WHERE status = 'PENDING' AND "
                        + where)
                .bind("key", communityId != null ? communityId : personId).bind("at", at(when))
                .then();
    }

    /** Erasure: the reasons leads wrote may name the person. */
    public Mono<Void> eraseReasons(String personId) {
        return db.sql("UPDATE membership_request SET reason = NULL WHERE person_id = :p").bind("p", personId).then();
    }
}
