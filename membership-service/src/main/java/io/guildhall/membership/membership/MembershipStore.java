package io.guildhall.membership.membership;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

@Repository
public class MembershipStore {

    private final DatabaseClient db;

    public MembershipStore(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Membership> findOpen(UUID communityId, String personId) {
        return db.sql("SELECT " + Membership.COLUMNS + " FROM membership WHERE community_id = :c AND person_id = :p "
                        + "AND left_at IS NULL")
                .bind("c", communityId).bind("p", personId).map(Membership::read).one();
    }

    public Flux<Membership> openOf(UUID communityId) {
        return db.sql("SELECT " + Membership.COLUMNS + " FROM membership WHERE community_id = :c AND left_at IS NULL "
                        + "ORDER BY joined_at, person_id")
                .bind("c", communityId).map(Membership::read).all();
    }

    public Flux<Membership> ofPerson(String personId, boolean openOnly) {
        return db.sql("SELECT " + Membership.COLUMNS + " FROM membership WHERE person_id = :p"
                        + (openOnly ? " AND left_at IS NULL" : "") + " ORDER BY joined_at, id")
                .bind("p", personId).map(Membership::read).all();
    }

    public Mono<Long> countOpen(UUID communityId) {
        return db.sql("SELECT count(*) AS n FROM membership WHERE community_id = :c AND left_at IS NULL")
                .bind("c", communityId).map(r -> r.get("n", Long.class)).one();
    }

    public Mono<Boolean> leadsAny(String personId) {
        return db.sql("SELECT EXISTS (SELECT 1 FROM membership m JOIN community c ON c.id = m.community_id "
                        + "WHERE m.person_id = :p AND m.left_at IS NULL AND m.role = 'LEAD' AND NOT c.archived) AS lead")
                .bind("p", personId).map(r -> r.get("lead", Boolean.class)).one();
    }

    Mono<Void> insert(Membership m) {
        return db.sql("INSERT INTO membership (id, community_id, person_id, role, route, joined_at) "
                        + "VALUES (:id, :c, :p, :role, :route, :at)")
                .bind("id", m.id()).bind("c", m.communityId()).bind("p", m.personId()).bind("role", m.role())
                .bind("route", m.route()).bind("at", at(m.joinedAt()))
                .then();
    }

    Mono<Void> setRole(UUID id, String role) {
        return db.sql("UPDATE membership SET role = :role WHERE id = :id").bind("id", id).bind("role", role).then();
    }

    Mono<Void> close(UUID id, String reason, Instant when) {
        return db.sql("UPDATE membership SET left_at = :at, leave_reason = :reason WHERE id = :id")
                .bind("id", id).bind("reason", reason).bind("at", at(when)).then();
    }

    Mono<Void> history(UUID communityId, String personId, String change, String role, String detail, String by,
                       Instant when) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("INSERT INTO membership_history (community_id, person_id, change, "
                        + "role, detail, changed_by, changed_at) VALUES (:c, :p, :change, :role, :detail, :by, :at)")
                .bind("c", communityId).bind("p", personId).bind("change", change).bind("at", at(when));
        spec = role == null ? spec.bindNull("role", String.class) : spec.bind("role", role);
        spec = detail == null ? spec.bindNull("detail", String.class) : spec.bind("detail", detail);
        spec = by == null ? spec.bindNull("by", String.class) : spec.bind("by", by);
        return spec.then();
    }

    public Flux<HistoryEntry> historyOf(String personId) {
        return db.sql("SELECT h.community_id, c.name, h.change, h.role, h.detail, h.changed_by, h.changed_at "
                        + "FROM membership_history h JOIN community c ON c.id = h.community_id "
                        + "WHERE h.person_id = :p ORDER BY h.changed_at, h.id")
                .bind("p", personId)
                .map(r -> new HistoryEntry(r.get("community_id", UUID.class), r.get("name", String.class),
                        r.get("change", String.class), r.get("role", String.class), r.get("detail", String.class),
                        r.get("changed_by", String.class), r.get("changed_at", OffsetDateTime.class).toInstant()))
                .all();
    }

    static OffsetDateTime at(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** The community's current members with their directory names (their id where the directory has none), leads first. */
    public Flux<MemberQueries.Member> membersWithNames(UUID communityId) {
        return db.sql("SELECT m.person_id, coalesce(p.display_name, m.person_id) AS name, m.role, m.joined_at "
                        + "FROM membership m LEFT JOIN person p ON p.id = m.person_id "
                        + "WHERE m.community_id = :c AND m.left_at IS NULL ORDER BY (m.role = 'LEAD') DESC, lower(coalesce(p.display_name, m.person_id))")
                .bind("c", communityId)
                .map(r -> new MemberQueries.Member(r.get("person_id", String.class), r.get("name", String.class),
                        r.get("role", String.class), r.get("joined_at", OffsetDateTime.class).toInstant()))
                .all();
    }

    /** The communities the person belongs to now, by name. */
    public Flux<MemberQueries.MyCommunity> communitiesOf(String personId) {
        return db.sql("SELECT c.id, c.slug, c.name, m.role, m.joined_at FROM membership m "
                        + "JOIN community c ON c.id = m.community_id WHERE m.person_id = :p AND m.left_at IS NULL "
                        + "ORDER BY lower(c.name)")
                .bind("p", personId)
                .map(r -> new MemberQueries.MyCommunity(r.get("id", UUID.class), r.get("slug", String.class),
                        r.get("name", String.class), r.get("role", String.class),
                        r.get("joined_at", OffsetDateTime.class).toInstant()))
                .all();
    }

    /** Erasure: what people wrote in their join requests leaves the membership history; the changes stay. */
    public Mono<Void> eraseRequestDetails(String personId) {
        return db.sql("UPDATE membership_history SET detail = NULL WHERE person_id = :p AND change LIKE 'REQUEST_%'")
                .bind("p", personId).then();
    }
}
