package io.guildhall.community.community;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Who leads which community, in the order they were assigned. */
@Repository
public class LeadStore {

    private final DatabaseClient db;

    public LeadStore(DatabaseClient db) {
        this.db = db;
    }

    public Mono<List<String>> leadsOf(UUID communityId) {
        return db.sql("SELECT person_id FROM community_lead WHERE community_id = :c ORDER BY assigned_at, person_id")
                .bind("c", communityId).map(row -> row.get("person_id", String.class)).all().collectList();
    }

    public Mono<Map<UUID, List<String>>> leadsOf(Collection<UUID> communityIds) {
        if (communityIds.isEmpty()) {
            return Mono.just(Map.of());
        }
        return db.sql("SELECT community_id, person_id FROM community_lead WHERE community_id = ANY(:ids) ORDER BY assigned_at, person_id")
                .bind("ids", communityIds.toArray(UUID[]::new))
                .map(row -> Map.entry(row.get("community_id", UUID.class), row.get("person_id", String.class)))
                .all()
                .collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    }

    public Mono<Boolean> isLead(UUID communityId, String personId) {
        return db.sql("SELECT 1 FROM community_lead WHERE community_id = :c AND person_id = :p")
                .bind("c", communityId).bind("p", personId).map(row -> 1).first().hasElement();
    }

    public Mono<Void> assign(UUID communityId, String personId, Instant at) {
        return db.sql("INSERT INTO community_lead (community_id, person_id, assigned_at) VALUES (:c, :p, :t)")
                .bind("c", communityId).bind("p", personId).bind("t", at.atOffset(ZoneOffset.UTC)).then();
    }

    public Mono<Long> remove(UUID communityId, String personId) {
        return db.sql("DELETE FROM community_lead WHERE community_id = :c AND person_id = :p")
                .bind("c", communityId).bind("p", personId).fetch().rowsUpdated();
    }
}
