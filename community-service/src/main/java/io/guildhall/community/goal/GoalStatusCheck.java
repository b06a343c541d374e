package io.guildhall.community.goal;

import io.guildhall.contracts.community.GoalStatus;
import io.guildhall.contracts.community.GoalStatusChangeCause;
import io.guildhall.contracts.community.GoalStatusChanged;
import io.guildhall.support.outbox.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.LocalDate;

/**
 * Time alone changes goal statuses (ON_TRACK to AT_RISK, to OVERDUE, to MISSED). This check re-derives the status of
 * every open goal of an active community and publishes each transition with cause TIME_PASSED. Each goal changes in
 * its own transaction, conditional on its version, so two service instances running the check at once publish a
 * transition only once.
 */
@Component
public class GoalStatusCheck {

    private static final Logger log = LoggerFactory.getLogger(GoalStatusCheck.class);

    private final GoalStore goals;
    private final TransactionalOperator tx;
    private final Outbox outbox;
    private final Clock clock;

    public GoalStatusCheck(GoalStore goals, TransactionalOperator tx, Outbox outbox, Clock clock) {
        this.goals = goals;
        this.tx = tx;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Scheduled(cron = "${guildhall.goals.status-check-cron:0 5 * * * *}", zone = "UTC")
    public void scheduled() {
        Long changed = checkOn(LocalDate.now(clock)).block();
        if (changed != null && changed > 0) {
            log.info("Goal status check: {} goal(s) changed status as time passed", changed);
        }
    }

    /** Re-derives every open goal's status as of the given day; emits how many goals changed. */
    public Mono<Long> checkOn(LocalDate today) {
        return goals.openOfActiveCommunities()
                .concatMap(goal -> {
                    GoalStatus now = goal.statusOn(today);
                    return now == goal.status() ? Mono.<Boolean>empty() : transition(goal, now);
                })
                .filter(Boolean::booleanValue)
                .count();
    }

    private Mono<Boolean> transition(Goal goal, GoalStatus status) {
        return goals.changeStatus(goal, status)
                .flatMap(changed -> changed
                        ? outbox.append(new GoalStatusChanged(goal.communityId(), goal.id(), goal.status().name(), status.name(),
                                GoalStatusChangeCause.TIME_PASSED.name(), clock.instant())).thenReturn(true)
                        : Mono.just(false))
                .as(tx::transactional);
    }
}
