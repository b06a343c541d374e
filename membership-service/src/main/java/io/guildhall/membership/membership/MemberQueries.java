package io.guildhall.membership.membership;

import io.guildhall.membership.community.CommunityReplica;
import io.guildhall.support.security.CurrentPerson;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Read models of the membership API. */
@Component
public class MemberQueries {

    private final DatabaseClient db;
    private final CommunityReplica communities;
    private final MembershipRepository memberships;
    private final RequestRepository requests;

    public MemberQueries(DatabaseClient db, CommunityReplica communities, MembershipRepository memberships,
                         RequestRepository requests) {
        this.db = db;
        this.communities = communities;
        this.memberships = memberships;
        this.requests = requests;
    }

    public record Member(String personId, String displayName, String role, java.time.Instant joinedAt) {
    }

    public record MemberList(UUID communityId, long count, List<Member> members) {
    }

    public record MyCommunity(UUID communityId, String slug, String name, String role, java.time.Instant joinedAt) {
    }

    public record MyMemberships(List<MyCommunity> communities, List<MembershipRequest> requests) {
    }

    /**
     * The count is for everyone signed in; names for the community's members, executives and admins.
     * People not (yet) in the directory show their id as name.
     */
    public Mono<MemberList> members(UUID communityId, CurrentPerson caller) {
        return communities.require(communityId)
                .then(memberships.findOpen(communityId, caller.personId()).hasElement())
                .flatMap(member -> {
                    boolean names = member || caller.hasRole(CurrentPerson.EXECUTIVE) || caller.isAdmin();
                    if (!names) {
                        return memberships.countOpen(communityId).map(n -> new MemberList(communityId, n, null));
                    }
                    return db.sql("SELECT m.person_id, coalesce(p.display_name, m.person_id) AS name, m.role, m.joined_at "
                                    + "FROM membership m LEFT JOIN person p ON p.id = m.person_id "
                                    + "WHERE m.community_id = :c AND m.left_at IS NULL ORDER BY (m.role = 'LEAD') DESC, lower(coalesce(p.display_name, m.person_id))")
                            .bind("c", communityId)
                            .map(r -> new Member(r.get("person_id", String.class), r.get("name", String.class),
                                    r.get("role", String.class), r.get("joined_at", OffsetDateTime.class).toInstant()))
                            .all().collectList()
                            .map(list -> new MemberList(communityId, list.size(), list));
                });
    }

    public Mono<MyMemberships> mine(String personId) {
        return db.sql("SELECT c.id, c.slug, c.name, m.role, m.joined_at FROM membership m "
                        + "JOIN community c ON c.id = m.community_id WHERE m.person_id = :p AND m.left_at IS NULL "
                        + "ORDER BY lower(c.name)")
                .bind("p", personId)
                .map(r -> new MyCommunity(r.get("id", UUID.class), r.get("slug", String.class), r.get("name", String.class),
                        r.get("role", String.class), r.get("joined_at", OffsetDateTime.class).toInstant()))
                .all().collectList()
                .zipWith(requests.ofPerson(personId).filter(r -> MembershipRequest.PENDING.equals(r.status())).collectList())
                .map(t -> new MyMemberships(t.getT1(), t.getT2()));
    }
}
