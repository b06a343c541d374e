package io.guildhall.community.goal;

import io.guildhall.contracts.community.GoalMetric;
import io.guildhall.contracts.community.GoalProgressReported;
import io.guildhall.contracts.community.GoalStatusChangeCause;
import io.guildhall.contracts.community.ProgressSource;
import io.guildhall.support.outbox.Outbox;
import io.guildhall.support.security.CurrentPerson;
import io.guildhall.support.web.ConflictException;
import io.guildhall.support.web.InvalidFieldException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Progress check-ins: each keeps its place in the history, moves the goal's level and may change its status. */
@Service
public class CheckInService {

    private final GoalService goals;
    private final GoalStore repository;
    private final CheckInStore checkIns;
    private final Outbox outbox;
    private final Clock clock;

    public CheckInService(GoalService goals, GoalStore repository, CheckInStore checkIns, Outbox outbox, Clock clock) {
        this.goals = goals;
        this.repository = repository;
        this.checkIns = checkIns;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** A lead's check-in; only for goals whose metric does not progress from event evidence. */
    @Transactional
    public Mono<GoalView> checkIn(UUID communityId, UUID goalId, CheckInRequest request, CurrentPerson caller) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.now(clock);
        LocalDate asOf = request.asOf() == null ? today : request.asOf();
        return goals.writableCommunity(communityId, caller)
                .then(goals.find(communityId, goalId))
                .flatMap(goal -> {
                    if (EvidenceMetrics.fromEvents(goal.metric())) {
                        throw new ConflictException("metric", goal.metric()
                                + " goals progress from event evidence; check-ins are for CUSTOM and MEMBERS goals");
                    }
                    if (asOf.isAfter(today)) {
                        throw new InvalidFieldException("asOf", "must not be in the future");
                    }
                    if (asOf.isBefore(goal.startDate())) {
                        throw new InvalidFieldException("asOf", "must not be before the goal was set (" + goal.startDate() + ")");
                    }
                    if (goal.metric() != GoalMetric.CUSTOM && request.value().signum() < 0) {
                        throw new InvalidFieldException("value", "must not be negative for " + goal.metric());
                    }
                    String comment = request.comment() == null || request.comment().isBlank() ? null : request.comment().trim();
                    CheckIn checkIn = new CheckIn(UUID.randomUUID(), goalId, request.value(), asOf, comment,
                            ProgressSource.CHECK_IN, caller.personId(), now);
                    return checkIns.append(checkIn)
                            .then(checkIns.latestValue(goalId))
                            .flatMap(level -> repository.update(goal.movedTo(level, today, now)))
                            .flatMap(saved -> outbox.append(new GoalProgressReported(communityId, goalId, checkIn.id(),
                                            checkIn.value(), asOf, comment, ProgressSource.CHECK_IN.name(), caller.personId(), now))
                                    .then(goals.statusChange(goal, saved, GoalStatusChangeCause.CHECK_IN, now))
                                    .then(goals.view(saved)));
                });
    }
}
