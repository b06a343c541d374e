package io.guildhall.community.goal;

import io.guildhall.support.web.IfMatch;
import io.guildhall.community.community.CommunityService;
import io.guildhall.community.community.Leadership;
import io.guildhall.contracts.community.GoalMetric;
import io.guildhall.contracts.community.GoalStatus;
import io.guildhall.contracts.community.GoalStatusChangeCause;
import io.guildhall.contracts.community.GoalStatusChanged;
import io.guildhall.support.outbox.Outbox;
import io.guildhall.support.security.CurrentPerson;
import io.guildhall.support.web.InvalidFieldException;
import io.guildhall.support.web.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Setting, editing and reading goals. Every write is one transaction with its events. */
@Service
public class GoalService {

    private final GoalStore goals;
    private final CheckInStore checkIns;
    private final CommunityService communities;
    private final Leadership leadership;
    private final Outbox outbox;
    private final Clock clock;

    public GoalService(GoalStore goals, CheckInStore checkIns, CommunityService communities, Leadership leadership,
                       Outbox outbox, Clock clock) {
        this.goals = goals;
        this.checkIns = checkIns;
        this.communities = communities;
        this.leadership = leadership;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public Mono<GoalView> set(UUID communityId, SetGoalRequest request, CurrentPerson caller) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.now(clock);
        String owner = blank(request.ownerId()) ? caller.personId() : request.ownerId().trim();
        return writableCommunity(communityId, caller)
                .then(Mono.fromRunnable(() -> {
                    BigDecimal baseline = request.baseline() == null ? BigDecimal.ZERO : request.baseline();
                    requireDefinition(request.metric(), request.unit(), baseline, request.target());
                    if (request.dueDate().isBefore(today)) {
                        throw new InvalidFieldException("dueDate", "must be today or later");
                    }
                }))
                .then(requireLead(communityId, owner))
                .then(Mono.defer(() -> {
                    BigDecimal baseline = request.baseline() == null ? BigDecimal.ZERO : request.baseline();
                    Goal draft = new Goal(UUID.randomUUID(), communityId, request.title().trim(), trimToNull(request.description()),
                            request.metric(), trimToNull(request.unit()), baseline, request.target(), baseline, today,
                            request.dueDate(), owner, GoalStatus.ON_TRACK, caller.personId(), now, now, null);
                    Goal goal = draft.rederived(today, now);
                    return goals.insert(goal).flatMap(saved -> outbox.append(saved.setEvent()).thenReturn(GoalView.of(saved, List.of())));
                }));
    }

    @Transactional
    public Mono<GoalView> update(UUID communityId, UUID goalId, UpdateGoalRequest patch, String ifMatch, CurrentPerson caller) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.now(clock);
        return writableCommunity(communityId, caller)
                .then(find(communityId, goalId))
                .flatMap(goal -> {
                    IfMatch.requireMatch(ifMatch, goal.version());
                    String owner = patch.ownerId() == null ? goal.ownerId() : patch.ownerId().trim();
                    Goal edited = goal.edited(
                            patch.title() == null ? goal.title() : patch.title().trim(),
                            patch.description() == null ? goal.description() : trimToNull(patch.description()),
                            patch.unit() == null ? goal.unit() : trimToNull(patch.unit()),
                            patch.baseline() == null ? goal.baseline() : patch.baseline(),
                            patch.target() == null ? goal.target() : patch.target(),
                            patch.dueDate() == null ? goal.dueDate() : patch.dueDate(),
                            owner, now);
                    requireDefinition(edited.metric(), edited.unit(), edited.baseline(), edited.target());
                    if (patch.dueDate() != null && !patch.dueDate().equals(goal.dueDate()) && patch.dueDate().isBefore(today)) {
                        throw new InvalidFieldException("dueDate", "a new due date must be today or later");
                    }
                    Mono<Void> ownerCheck = owner.equals(goal.ownerId()) ? Mono.empty() : requireLead(communityId, owner);
                    Goal next = edited.rederived(today, now);
                    return ownerCheck.then(goals.update(next))
                            .flatMap(saved -> outbox.append(saved.updatedEvent(caller.personId()))
                                    .then(statusChange(goal, saved, GoalStatusChangeCause.GOAL_UPDATED, now))
                                    .then(view(saved)));
                });
    }

    public Mono<List<GoalView>> list(UUID communityId) {
        return list(communityId, 0);
    }

    /** The goals, each with its {@code recentCheckIns} newest check-ins when that is above 0. */
    public Mono<List<GoalView>> list(UUID communityId, int recentCheckIns) {
        return communities.find(communityId)
                .thenMany(goals.ofCommunity(communityId))
                .concatMap(goal -> recentCheckIns <= 0 ? Mono.just(GoalView.of(goal, null))
                        : checkIns.history(goal.id()).take(recentCheckIns).collectList().map(recent -> GoalView.of(goal, recent)))
                .collectList();
    }

    public Mono<GoalView> get(UUID communityId, UUID goalId) {
        return communities.find(communityId).then(find(communityId, goalId)).flatMap(this::view);
    }

    Mono<GoalView> view(Goal goal) {
        return checkIns.history(goal.id()).collectList().map(history -> GoalView.of(goal, history));
    }

    Mono<Goal> find(UUID communityId, UUID goalId) {
        return goals.find(goalId)
                .filter(goal -> goal.communityId().equals(communityId))
                .switchIfEmpty(Mono.error(new NotFoundException("No goal " + goalId + " in community " + communityId)));
    }

    /** The community exists, the caller leads it (or is an admin), and it is not archived. */
    Mono<Void> writableCommunity(UUID communityId, CurrentPerson caller) {
        return communities.find(communityId)
                .flatMap(community -> leadership.requireLeadOrAdmin(communityId, caller).thenReturn(community))
                .doOnNext(community -> community.requireActive())
                .then();
    }

    /** Publishes a GoalStatusChanged when the derived status differs between the two states of a goal. */
    Mono<Void> statusChange(Goal before, Goal after, GoalStatusChangeCause cause, Instant now) {
        if (before.status() == after.status()) {
            return Mono.empty();
        }
        return outbox.append(new GoalStatusChanged(after.communityId(), after.id(), before.status().name(),
                after.status().name(), cause.name(), now));
    }

    private Mono<Void> requireLead(UUID communityId, String owner) {
        return leadership.isLead(communityId, owner).flatMap(lead -> lead ? Mono.<Void>empty()
                : Mono.error(new InvalidFieldException("ownerId", "must be a lead of the community")));
    }

    private static void requireDefinition(GoalMetric metric, String unit, BigDecimal baseline, BigDecimal target) {
        if (metric == GoalMetric.CUSTOM && blank(unit)) {
            throw new InvalidFieldException("unit", "is required for CUSTOM goals");
        }
        if (target.compareTo(baseline) == 0) {
            throw new InvalidFieldException("target", "must differ from the baseline");
        }
        if (metric != GoalMetric.CUSTOM && (baseline.signum() < 0 || target.signum() < 0)) {
            throw new InvalidFieldException(baseline.signum() < 0 ? "baseline" : "target", "must not be negative for " + metric);
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String trimToNull(String value) {
        return blank(value) ? null : value.trim();
    }
}
