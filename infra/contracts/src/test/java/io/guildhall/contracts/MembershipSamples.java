package io.guildhall.contracts;

import io.guildhall.contracts.contribution.ContributionCorrected;
import io.guildhall.contracts.contribution.ContributionDeleted;
import io.guildhall.contracts.contribution.ContributionDirection;
import io.guildhall.contracts.contribution.ContributionKind;
import io.guildhall.contracts.contribution.ContributionLogged;
import io.guildhall.contracts.membership.JoinRoute;
import io.guildhall.contracts.membership.LeaveReason;
import io.guildhall.contracts.membership.MembershipJoined;
import io.guildhall.contracts.membership.MembershipLeft;
import io.guildhall.contracts.membership.MembershipRequestDecided;
import io.guildhall.contracts.membership.MembershipRequested;
import io.guildhall.contracts.membership.MembershipRole;
import io.guildhall.contracts.membership.MembershipRoleChanged;
import io.guildhall.contracts.membership.RequestDecision;
import io.guildhall.contracts.person.DeactivationReason;
import io.guildhall.contracts.person.PersonDeactivated;
import io.guildhall.contracts.person.PersonErased;
import io.guildhall.contracts.person.PersonProfileChanged;
import io.guildhall.contracts.person.PersonRegistered;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static io.guildhall.contracts.SampleEvents.ADA;
import static io.guildhall.contracts.SampleEvents.AT;
import static io.guildhall.contracts.SampleEvents.COMMUNITY;
import static io.guildhall.contracts.SampleEvents.GRACE;
import static io.guildhall.contracts.SampleEvents.KATHERINE;

/** Valid samples of membership-service's person, membership and contribution events. */
final class MembershipSamples {

    static final UUID CONTRIBUTION = UUID.fromString("6d5c4b3a-2e1f-4a0b-9c8d-7e6f5a4b3c21");
    static final UUID REQUEST = UUID.fromString("2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e");
    static final LocalDate DAY = LocalDate.of(2026, 3, 2);

    private MembershipSamples() {
    }

    static List<GuildhallEvent> person() {
        return List.of(
                new PersonRegistered(ADA, "Ada Lovelace", "Engineering", "IC", "Berlin", GRACE, 40, false, true, DAY, AT),
                new PersonRegistered(KATHERINE, "katherine", null, null, null, null, 40, true, true, DAY, AT),
                new PersonProfileChanged(ADA, "Ada Lovelace", "Research", "IC", "Berlin", null, 32, false, true, DAY, AT),
                new PersonDeactivated(ADA, DeactivationReason.DISABLED.name(), DAY, AT),
                new PersonErased(ADA, KATHERINE, AT));
    }

    static List<GuildhallEvent> membership() {
        return List.of(
                new MembershipJoined(COMMUNITY, ADA, MembershipRole.MEMBER.name(), JoinRoute.OPEN_JOIN.name(), AT),
                new MembershipLeft(COMMUNITY, ADA, LeaveReason.COMMUNITY_ARCHIVED.name(), AT),
                new MembershipRequested(COMMUNITY, REQUEST, ADA, AT),
                new MembershipRequestDecided(COMMUNITY, REQUEST, ADA, RequestDecision.DECLINED.name(), "Full for now",
                        GRACE, AT),
                new MembershipRequestDecided(COMMUNITY, REQUEST, ADA, RequestDecision.APPROVED.name(), null, GRACE, AT),
                new MembershipRoleChanged(COMMUNITY, ADA, MembershipRole.MEMBER.name(), MembershipRole.LEAD.name(),
                        GRACE, AT));
    }

    static List<GuildhallEvent> contribution() {
        return List.of(
                new ContributionLogged(CONTRIBUTION, ADA, COMMUNITY, ContributionKind.MENTORING.name(),
                        ContributionDirection.GIVING.name(), DAY, 90, AT),
                new ContributionCorrected(CONTRIBUTION, ADA, COMMUNITY, ContributionKind.LEARNING.name(),
                        ContributionDirection.TAKING.name(), DAY, 60, AT),
                new ContributionDeleted(CONTRIBUTION, ADA, COMMUNITY, DAY, AT));
    }
}
