package io.guildhall.membership.membership;

import io.guildhall.contracts.membership.JoinRoute;
import io.guildhall.contracts.membership.LeaveReason;
import io.guildhall.contracts.membership.MembershipRequestDecided;
import io.guildhall.contracts.membership.MembershipRequested;
import io.guildhall.contracts.membership.RequestDecision;
import io.guildhall.membership.community.Community;
import io.guildhall.membership.community.CommunityReplicaStore;
import io.guildhall.membership.person.Directory;
import io.guildhall.support.outbox.Outbox;
import io.guildhall.support.security.CurrentPerson;
import io.guildhall.support.web.ConflictException;
import io.guildhall.support.web.InvalidFieldException;
import io.guildhall.support.web.NotFoundException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/** Joining, requesting, deciding and leaving, as the caller; each a single transaction with its events. */
@Service
public class MembershipService {

    private final CommunityReplicaStore communities;
    private final MembershipStore memberships;
    private final RequestStore requests;
    private final Roster roster;
    private final Directory directory;
    private final Outbox outbox;
    private final Clock clock;

    public MembershipService(CommunityReplicaStore communities, MembershipStore memberships, RequestStore requests,
                             Roster roster, Directory directory, Outbox outbox, Clock clock) {
        this.communities = communities;
        this.memberships = memberships;
        this.requests = requests;
        this.roster = roster;
        this.directory = directory;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** An OPEN community is joined at once; a REQUEST_TO_JOIN one gets a pending request. */
    @Transactional
    public Mono<JoinResult> join(UUID communityId, CurrentPerson caller) {
        Instant now = clock.instant();
        String me = caller.personId();
        return directory.ensureKnown(caller)
                .then(communities.requireActive(communityId, "communityId"))
                .flatMap(community -> memberships.findOpen(communityId, me).hasElement()
                        .flatMap(member -> member
                                ? Mono.error(new ConflictException("communityId", "you are a member already"))
                                : requests.pendingExists(communityId, me))
                        .flatMap(pending -> pending
                                ? Mono.error(new ConflictException("communityId", "your request to join is pending already"))
                                : community.open() ? joinNow(community, me, now) : request(community, me, now)))
                .onErrorMap(DuplicateKeyException.class, e -> new ConflictException("communityId",
                        "you are a member already or your request is pending"));
    }

    @Transactional
    public Mono<Void> leave(UUID communityId, CurrentPerson caller) {
        return communities.require(communityId)
                .then(memberships.findOpen(communityId, caller.personId()))
                .switchIfEmpty(Mono.error(new NotFoundException("You are not a member of community " + communityId)))
                .flatMap(m -> m.lead()
                        ? Mono.error(new ConflictException("role", "a lead cannot leave; another lead removes you as "
                        + "lead in the community first"))
                        : roster.leave(m, LeaveReason.LEFT, caller.personId(), clock.instant()));
    }

    /** A lead of the community (or an admin) approves or declines; a decline needs a reason. */
    @Transactional
    public Mono<MembershipRequest> decide(UUID communityId, UUID requestId, DecisionRequest decision, CurrentPerson caller) {
        RequestDecision verdict = RequestDecision.valueOf(decision.decision());
        String reason = decision.reason() == null || decision.reason().isBlank() ? null : decision.reason().trim();
        if (verdict == RequestDecision.DECLINED && reason == null) {
            return Mono.error(new InvalidFieldException("reason", "a decline needs a reason"));
        }
        Instant now = clock.instant();
        return communities.require(communityId)
                .flatMap(community -> requireLeadOrAdmin(communityId, caller).thenReturn(community))
                .flatMap(community -> requests.findForUpdate(requestId)
                        .filter(r -> r.communityId().equals(communityId))
                        .switchIfEmpty(Mono.error(new NotFoundException("No request " + requestId + " for community " + communityId)))
                        .flatMap(r -> {
                            if (!MembershipRequest.PENDING.equals(r.status())) {
                                return Mono.error(new ConflictException("requestId", "the request is " + r.status() + " already"));
                            }
                            if (verdict == RequestDecision.APPROVED && community.archived()) {
                                return Mono.error(new ConflictException("communityId", "the community is archived"));
                            }
                            MembershipRequest decided = new MembershipRequest(r.id(), communityId, r.personId(), verdict.name(),
                                    reason, r.requestedAt(), caller.personId(), now);
                            Mono<Void> write = requests.decide(r.id(), verdict.name(), reason, caller.personId(), now)
                                    .then(memberships.history(communityId, r.personId(), "REQUEST_" + verdict.name(), null,
                                            reason, caller.personId(), now))
                                    // The reason is free text about the person: kept here, not published.
                                    .then(outbox.append(new MembershipRequestDecided(communityId, r.id(), r.personId(),
                                            verdict.name(), null, caller.personId(), now)));
                            if (verdict == RequestDecision.APPROVED) {
                                write = write.then(roster.join(communityId, r.personId(), Membership.MEMBER,
                                        JoinRoute.REQUEST_APPROVED, caller.personId(), now));
                            }
                            return write.thenReturn(decided);
                        }));
    }

    public Mono<Void> requireLeadOrAdmin(UUID communityId, CurrentPerson caller) {
        if (caller.isAdmin()) {
            return Mono.empty();
        }
        return memberships.findOpen(communityId, caller.personId())
                .filter(Membership::lead)
                .switchIfEmpty(Mono.error(new AccessDeniedException("Only the community's leads may do this")))
                .then();
    }

    private Mono<JoinResult> joinNow(Community community, String me, Instant now) {
        return roster.join(community.id(), me, Membership.MEMBER, JoinRoute.OPEN_JOIN, me, now)
                .then(memberships.findOpen(community.id(), me))
                .map(JoinResult::joined);
    }

    private Mono<JoinResult> request(Community community, String me, Instant now) {
        MembershipRequest request = new MembershipRequest(UUID.randomUUID(), community.id(), me,
                MembershipRequest.PENDING, null, now, null, null);
        return requests.insert(request)
                .then(memberships.history(community.id(), me, "REQUESTED", null, null, me, now))
                .then(outbox.append(new MembershipRequested(community.id(), request.id(), me, now)))
                .thenReturn(JoinResult.requested(request));
    }
}
