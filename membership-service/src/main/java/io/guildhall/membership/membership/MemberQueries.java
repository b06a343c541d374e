package io.guildhall.membership.membership;

import io.guildhall.membership.community.CommunityReplicaStore;
import io.guildhall.support.security.CurrentPerson;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.UUID;

/** Read models of the membership API. */
@Component
public class MemberQueries {

    private final CommunityReplicaStore communities;
    private final MembershipStore memberships;
    private final RequestStore requests;

    public MemberQueries(CommunityReplicaStore communities, MembershipStore memberships,
                         RequestStore requests) {
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
                    return memberships.membersWithNames(communityId).collectList()
                            .map(list -> new MemberList(communityId, list.size(), list));
                });
    }

    public Mono<MyMemberships> mine(String personId) {
        return memberships.communitiesOf(personId).collectList()
                .zipWith(requests.ofPerson(personId).filter(r -> MembershipRequest.PENDING.equals(r.status())).collectList())
                .map(t -> new MyMemberships(t.getT1(), t.getT2()));
    }
}
