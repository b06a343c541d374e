package io.guildhall.community.community;

import io.guildhall.contracts.event.EventRescheduled;
import io.guildhall.contracts.event.EventScheduled;
import io.guildhall.support.messaging.ReceivedEvent;
import io.guildhall.support.outbox.Outbox;
import io.guildhall.support.security.CurrentPerson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A community's life (issue 17): one that held no event for {@code inactive-after-days} (90) becomes INACTIVE
 * ({@code CommunityBecameInactive}); its leads renew it ({@code POST /api/communities/{id}/renew}) or archive it,
 * and an event scheduled for it renews it too. Optionally ({@code archive-after-days}, 0 = off, the default) an
 * inactive community with no sign of life for that long is archived. Each change is its own transaction,
 * conditional on the community's version, so two instances running the check publish each change once.
 */
@Component
public class CommunityLifecycle {

    /** Who archives a community that stayed inactive for the archive period (CommunityArchived.archivedBy). */
    public static final String SYSTEM = "guildhall-lifecycle";

    private static final Logger log = LoggerFactory.getLogger(CommunityLifecycle.class);

    private final CommunityStore communities;
    private final Leadership leadership;
    private final Outbox outbox;
    private final TransactionalOperator tx;
    private final Clock clock;
    private final int inactiveAfterDays;
    private final int archiveAfterDays;

    public CommunityLifecycle(CommunityStore communities, Leadership leadership, Outbox outbox, TransactionalOperator tx,
                              Clock clock,
                              @Value("${guildhall.communities.inactive-after-days:90}") int inactiveAfterDays,
                              @Value("${guildhall.communities.archive-after-days:0}") int archiveAfterDays) {
        this.communities = communities;
        this.leadership = leadership;
        this.outbox = outbox;
        this.tx = tx;
        this.clock = clock;
        this.inactiveAfterDays = Math.max(1, inactiveAfterDays);
        this.archiveAfterDays = Math.max(0, archiveAfterDays);
    }

    @Scheduled(cron = "${guildhall.communities.lifecycle-check-cron:0 15 * * * *}", zone = "UTC")
    public void scheduled() {
        Long changed = check(clock.instant()).block();
        if (changed != null && changed > 0) {
            log.info("Community lifecycle check: {} communities changed status", changed);
        }
    }

    /** Makes quiet communities inactive, and (when archiving is on) long-quiet inactive ones archived; how many changed. */
    public Mono<Long> check(Instant now) {
        Mono<Long> inactive = communities.quietSince(CommunityStatus.ACTIVE, now.minus(Duration.ofDays(inactiveAfterDays)))
                .concatMap(quiet -> change(quiet.getKey(), c -> {
                    Community.BecameInactive result = c.becomeInactive(quiet.getValue(), inactiveAfterDays, now);
                    return communities.update(result.community()).then(outbox.append(result.event()));
                }))
                .count();
        Mono<Long> archived = archiveAfterDays == 0 ? Mono.just(0L)
                : communities.quietSince(CommunityStatus.INACTIVE, now.minus(Duration.ofDays(archiveAfterDays)))
                        .concatMap(quiet -> change(quiet.getKey(), c -> {
                            Community.Archived result = c.archive(SYSTEM, now);
                            return communities.update(result.community()).then(outbox.append(result.event()));
                        }))
                        .count();
        return inactive.zipWith(archived, Long::sum);
    }

    /** A lead or admin renews an inactive community: active again, its inactivity period counted from now. */
    public Mono<Community> renew(UUID id, CurrentPerson caller) {
        Instant now = clock.instant();
        return leadership.requireLeadOrAdmin(id, caller)
                .then(communities.find(id))
                .flatMap(community -> {
                    Community.Renewed renewed = community.renew(caller.personId(), now);
                    return communities.update(renewed.community())
                            .flatMap(saved -> communities.signOfLife(id, now).then(outbox.append(renewed.event())).thenReturn(saved));
                })
                .as(tx::transactional);
    }

    /**
     * An event of the community was scheduled or moved: a sign of life at its start. An inactive community whose new
     * event starts within the inactivity period (from now) is renewed by it.
     */
    public Mono<Void> handle(ReceivedEvent received) {
        UUID community;
        Instant startsAt;
        if (received.data() instanceof EventScheduled scheduled && scheduled.communityId() != null) {
            community = scheduled.communityId();
            startsAt = scheduled.startsAt();
        } else if (received.data() instanceof EventRescheduled rescheduled && rescheduled.communityId() != null) {
            community = rescheduled.communityId();
            startsAt = rescheduled.startsAt();
        } else {
            return Mono.empty();
        }
        Instant now = clock.instant();
        return communities.signOfLife(community, startsAt)
                .then(communities.find(community))
                .filter(c -> c.status() == CommunityStatus.INACTIVE
                        && startsAt.isAfter(now.minus(Duration.ofDays(inactiveAfterDays))))
                .flatMap(c -> {
                    Community.Renewed renewed = c.renew(null, now);
                    return communities.update(renewed.community()).then(outbox.append(renewed.event()));
                });
    }

    public int inactiveAfterDays() {
        return inactiveAfterDays;
    }

    private Mono<Boolean> change(Community community, java.util.function.Function<Community, Mono<Void>> write) {
        return write.apply(community).thenReturn(true).as(tx::transactional)
                // Another instance changed it first: its change stands, published once.
                .onErrorResume(OptimisticLockingFailureException.class, e -> Mono.just(false))
                .filter(Boolean::booleanValue);
    }
}
