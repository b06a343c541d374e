package io.guildhall.membership.contribution;

import io.guildhall.contracts.contribution.ContributionCorrected;
import io.guildhall.contracts.contribution.ContributionDeleted;
import io.guildhall.contracts.contribution.ContributionKind;
import io.guildhall.contracts.contribution.ContributionLogged;
import io.guildhall.contracts.time.OrganisationZones;
import io.guildhall.membership.community.CommunityReplicaStore;
import io.guildhall.membership.membership.MembershipStore;
import io.guildhall.membership.person.Directory;
import io.guildhall.support.outbox.Outbox;
import io.guildhall.support.web.RequestValidation;
import io.guildhall.support.security.CurrentPerson;
import io.guildhall.support.web.InvalidFieldException;
import io.guildhall.support.web.NotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/** Logging, correcting and deleting one's own contribution entries; each one transaction with its event. */
@Service
public class ContributionService {

    private final ContributionStore contributions;
    private final CommunityReplicaStore communities;
    private final MembershipStore memberships;
    private final Directory directory;
    private final Outbox outbox;
    private final ContributionRules rules;
    private final OrganisationZones zones;
    private final Clock clock;
    private final RequestValidation validation;

    public ContributionService(ContributionStore contributions, CommunityReplicaStore communities,
                               MembershipStore memberships, Directory directory, Outbox outbox,
                               ContributionSettings settings, OrganisationZones zones, Clock clock,
                               RequestValidation validation) {
        this.validation = validation;
        this.contributions = contributions;
        this.communities = communities;
        this.memberships = memberships;
        this.directory = directory;
        this.outbox = outbox;
        this.rules = settings.rules();
        this.zones = zones;
        this.clock = clock;
    }

    @Transactional
    public Mono<Contribution> log(ContributionRequest request, CurrentPerson caller) {
        return Mono.defer(() -> logChecked(request, caller));
    }

    private Mono<Contribution> logChecked(ContributionRequest request, CurrentPerson caller) {
        // The request's constraints and the rules across its fields together: every mistake in one answer.
        validation.check(request, rules.problems(request.kind(), request.minutes(), request.date(),
                zones.today(caller.location(), clock)));
        ContributionKind kind = ContributionRules.kind(request.kind());
        Instant now = clock.instant();
        Contribution entry = new Contribution(UUID.randomUUID(), caller.personId(), request.communityId(), kind.name(),
                ContributionRules.directionOf(kind).name(), request.date(), request.minutes(), blankToNull(request.note()),
                now, now);
        return directory.ensureKnown(caller)
                .then(requireMember(request.communityId(), caller.personId()))
                .then(contributions.lockPerson(caller.personId()))
                .then(contributions.minutesOn(caller.personId(), entry.date(), entry.id()))
                .doOnNext(others -> rules.checkDay(entry.date(), others, entry.minutes()))
                .then(contributions.insert(entry))
                .then(outbox.append(new ContributionLogged(entry.id(), entry.personId(), entry.communityId(), entry.kind(),
                        entry.direction(), entry.date(), entry.minutes(), now)))
                .thenReturn(entry);
    }

    @Transactional
    public Mono<Contribution> correct(UUID id, ContributionPatch patch, CurrentPerson caller) {
        Instant now = clock.instant();
        return own(id, caller, now).flatMap(before -> {
            ContributionKind kind = patch.kind() == null ? ContributionKind.valueOf(before.kind()) : ContributionRules.kind(patch.kind());
            int minutes = patch.minutes() == null ? before.minutes() : patch.minutes();
            LocalDate date = patch.date() == null ? before.date() : patch.date();
            UUID community = patch.communityId() == null ? before.communityId() : patch.communityId();
            rules.checkMinutes(minutes);
            if (!date.equals(before.date())) {
                rules.checkDate(date, zones.today(caller.location(), clock));
            }
            Contribution after = new Contribution(id, before.personId(), community, kind.name(),
                    ContributionRules.directionOf(kind).name(), date, minutes,
                    patch.note() == null ? before.note() : blankToNull(patch.note()), before.loggedAt(), now);
            Mono<Void> membership = community.equals(before.communityId()) ? Mono.empty()
                    : requireMember(community, caller.personId());
            boolean published = !(community.equals(before.communityId()) && kind.name().equals(before.kind())
                    && date.equals(before.date()) && minutes == before.minutes());
            return membership
                    .then(contributions.lockPerson(caller.personId()))
                    .then(contributions.minutesOn(caller.personId(), date, id))
                    .doOnNext(others -> rules.checkDay(date, others, minutes))
                    .then(contributions.update(after))
                    .then(published ? outbox.append(new ContributionCorrected(id, after.personId(), community, kind.name(),
                            after.direction(), date, minutes, now)) : Mono.empty())
                    .thenReturn(after);
        });
    }

    @Transactional
    public Mono<Void> delete(UUID id, CurrentPerson caller) {
        Instant now = clock.instant();
        return own(id, caller, now).flatMap(entry -> contributions.delete(id)
                .then(outbox.append(new ContributionDeleted(id, entry.personId(), entry.communityId(), entry.date(), now))));
    }

    /** The caller's own entry, still within the edit window; someone else's is 403, a missing one 404. */
    private Mono<Contribution> own(UUID id, CurrentPerson caller, Instant now) {
        return contributions.findForUpdate(id)
                .switchIfEmpty(Mono.error(new NotFoundException("No contribution " + id)))
                .flatMap(entry -> {
                    if (!Objects.equals(entry.personId(), caller.personId())) {
                        return Mono.error(new AccessDeniedException("Only the person who logged an entry may change it"));
                    }
                    rules.checkEditable(entry.loggedAt(), now);
                    return Mono.just(entry);
                });
    }

    private Mono<Void> requireMember(UUID communityId, String personId) {
        return communities.find(communityId)
                .filter(c -> !c.archived())
                .switchIfEmpty(Mono.error(new InvalidFieldException("communityId", "no such active community")))
                .then(memberships.findOpen(communityId, personId))
                .switchIfEmpty(Mono.error(new InvalidFieldException("communityId", "you are not a member of this community")))
                .then();
    }

    private static String blankToNull(String note) {
        return note == null || note.isBlank() ? null : note.trim();
    }
}
