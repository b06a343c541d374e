package io.guildhall.event.lead;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

/** event-service's replica of who leads which community, and which communities are archived. */
@Repository
public class CommunityLeadStore {

    private final DatabaseClient db;

    public CommunityLeadStore(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Void> add(UUID community, String person) {
        return db.sql("INSERT INTO community_lead (community_id, person_id) VALUES (:c, :p) ON CONFLICT DO NOTHING")
                .bind("c", community).bind("p", person).then();
    }

    public Mono<Void> remove(UUID community, String person) {
        return db.sql("DELETE FROM community_lead WHERE community_id = :c AND person_id = :p")
                .bind("c", community).bind("p", person).then();
    }

    public Mono<Void> archive(UUID community, Instant archivedAt) {
        return db.sql("INSERT INTO archived_community (community_id, archived_at) VALUES (:c, :at) ON CONFLICT DO NOTHING")
                .bind("c", community).bind("at", archivedAt.atOffset(ZoneOffset.UTC)).then();
    }

    public Mono<Boolean> isArchived(UUID community) {
        return db.sql("SELECT 1 FROM archived_community WHERE community_id = :c")
                .bind("c", community).map(row -> true).one().defaultIfEmpty(false);
    }

    public Mono<Boolean> isLead(UUID community, String person) {
        return db.sql("SELECT 1 FROM community_lead WHERE community_id = :c AND person_id = :p")
                .bind("c", community).bind("p", person).map(row -> true).one().defaultIfEmpty(false);
    }
}
