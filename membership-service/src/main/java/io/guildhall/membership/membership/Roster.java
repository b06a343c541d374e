package io.guildhall.membership.membership;

import io.guildhall.contracts.membership.JoinRoute;
import io.guildhall.contracts.membership.LeaveReason;
import io.guildhall.contracts.membership.MembershipJoined;
import io.guildhall.contracts.membership.MembershipLeft;
import io.guildhall.contracts.membership.MembershipRoleChanged;
import io.guildhall.membership.keycloak.KeycloakSyncQueue;
import io.guildhall.membership.person.DeactivationListener;
import io.guildhall.support.outbox.Outbox;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.UUID;

/**
 * Every change to who belongs to a community, with its history row, its event and its Keycloak work, written in
 * the caller's transaction (an API request's or a consumed event's).
 */
@Component
public class Roster implements DeactivationListener {

    private final MembershipStore memberships;
    private final RequestStore requests;
    private final Outbox outbox;
    private final KeycloakSyncQueue keycloak;

    public Roster(MembershipStore memberships, RequestStore requests, Outbox outbox, KeycloakSyncQueue keycloak) {
        this.memberships = memberships;
        this.requests = requests;
        this.outbox = outbox;
        this.keycloak = keycloak;
    }

    public Mono<Void> founded(UUID communityId, String founder, Instant at) {
        return memberships.findOpen(communityId, founder).hasElement()
                .flatMap(member -> member ? Mono.<Void>empty()
                        : join(communityId, founder, Membership.LEAD, JoinRoute.FOUNDED, founder, at));
    }

    public Mono<Void> leadAssigned(UUID communityId, String personId, String by, Instant at) {
        return memberships.findOpen(communityId, personId)
                .map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty())
                .flatMap(open -> open.isEmpty()
                        ? join(communityId, personId, Membership.LEAD, JoinRoute.LEAD_ASSIGNED, by, at)
                        : open.get().lead() ? Mono.<Void>empty() : changeRole(open.get(), Membership.LEAD, by, at));
    }

    public Mono<Void> leadRemoved(UUID communityId, String personId, String by, Instant at) {
        return memberships.findOpen(communityId, personId)
                .filter(Membership::lead)
                .flatMap(m -> changeRole(m, Membership.MEMBER, by, at));
    }

    /** An archived community keeps no members; pending requests lapse. */
    public Mono<Void> archived(UUID communityId, Instant at) {
        return memberships.openOf(communityId)
                .concatMap(m -> leave(m, LeaveReason.COMMUNITY_ARCHIVED, null, at))
                .then(requests.withdrawPending(communityId, null, at));
    }

    /** The community's slug changed: its Keycloak group is renamed by the next reconciliation of any member. */
    public Mono<Void> renamed(UUID communityId) {
        return memberships.openOf(communityId).next()
                .flatMap(m -> keycloak.groupMembership(m.personId(), communityId));
    }

    @Override
    public Mono<Void> deactivated(String personId, Instant at) {
        return closeAll(personId, LeaveReason.PERSON_DEACTIVATED, at);
    }

    public Mono<Void> closeAll(String personId, LeaveReason reason, Instant at) {
        return memberships.ofPerson(personId, true)
                .concatMap(m -> leave(m, reason, null, at))
                .then(requests.withdrawPending(null, personId, at));
    }

    Mono<Void> join(UUID communityId, String personId, String role, JoinRoute route, String by, Instant at) {
        Membership m = new Membership(UUID.randomUUID(), communityId, personId, role, route.name(), at, null, null);
        Mono<Void> write = memberships.insert(m)
                .then(memberships.history(communityId, personId, "JOINED", role, route.name(), by, at))
                .then(outbox.append(new MembershipJoined(communityId, personId, role, route.name(), at)))
                .then(keycloak.groupMembership(personId, communityId));
        return Membership.LEAD.equals(role) ? write.then(keycloak.leadRole(personId)) : write;
    }

    Mono<Void> leave(Membership m, LeaveReason reason, String by, Instant at) {
        Mono<Void> write = memberships.close(m.id(), reason.name(), at)
                .then(memberships.history(m.communityId(), m.personId(), "LEFT", m.role(), reason.name(), by, at))
                .then(outbox.append(new MembershipLeft(m.communityId(), m.personId(), reason.name(), at)))
                .then(keycloak.groupMembership(m.personId(), m.communityId()));
        return m.lead() ? write.then(keycloak.leadRole(m.personId())) : write;
    }

    private Mono<Void> changeRole(Membership m, String role, String by, Instant at) {
        return memberships.setRole(m.id(), role)
                .then(memberships.history(m.communityId(), m.personId(), "ROLE_CHANGED", role, m.role() + " -> " + role, by, at))
                .then(outbox.append(new MembershipRoleChanged(m.communityId(), m.personId(), m.role(), role, by, at)))
                .then(keycloak.leadRole(m.personId()));
    }
}
