package io.guildhall.community.goal;

import io.guildhall.community.community.CommunityService;
import io.guildhall.contracts.community.GoalProgressReported;
import io.guildhall.contracts.community.GoalStatusChangeCause;
import io.guildhall.contracts.community.ProgressSource;
import io.guildhall.contracts.event.AttendanceCorrected;
import io.guildhall.contracts.event.AttendanceRecorded;
import io.guildhall.support.messaging.EventHandler;
import io.guildhall.support.messaging.ReceivedEvent;
import io.guildhall.support.outbox.Outbox;
import io.guildhall.support.web.NotFoundException;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Goal progress from event-service's attendance events. Runs inside the idempotent consumer's transaction (a
 * redelivered event does nothing); the attendance replica is keyed by event and person, so even a re-published
 * attendance with a new event id cannot count twice. After each change the community's evidence goals are
 * re-measured over [start date, due date] (UTC days, by the event's start):
 * SESSIONS_HELD = events with at least one attendee, UNIQUE_ATTENDEES = distinct attendees,
 * HOURS_INVESTED = attended minutes / 60; the goal's level is its baseline plus that measure.
 */
@Component
public class GoalEvidenceHandler implements EventHandler {

    private final EvidenceStore evidence;
    private final GoalStore goals;
    private final GoalService goalService;
    private final CheckInStore checkIns;
    private final CommunityService communities;
    private final Outbox outbox;
    private final Clock clock;

    public GoalEvidenceHandler(EvidenceStore evidence, GoalStore goals, GoalService goalService, CheckInStore checkIns,
                         CommunityService communities, Outbox outbox, Clock clock) {
        this.evidence = evidence;
        this.goals = goals;
        this.goalService = goalService;
        this.checkIns = checkIns;
        this.communities = communities;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public Mono<Void> handle(ReceivedEvent event) {
        if (event.data() instanceof AttendanceRecorded a && a.communityId() != null) {
            return attendance(a.eventId(), a.personId(), a.communityId(), a.startsAt(), a.minutes(), a.recordedAt());
        }
        if (event.data() instanceof AttendanceCorrected c && c.communityId() != null) {
            return attendance(c.eventId(), c.personId(), c.communityId(), c.startsAt(), c.minutes(), c.correctedAt());
        }
        return Mono.empty();
    }

    private Mono<Void> attendance(UUID eventId, String personId, UUID communityId, Instant startsAt, int minutes, Instant at) {
        return evidence.record(eventId, personId, communityId, startsAt, minutes, at)
                .then(remeasure(communityId));
    }

    /** Re-measures every evidence goal of an active community; publishes progress only where the level moved. */
    Mono<Void> remeasure(UUID communityId) {
        return communities.find(communityId)
                // attendance at events of communities this service does not know is kept but measures nothing yet
                .onErrorResume(NotFoundException.class, e -> Mono.empty())
                .filter(community -> !community.isArchived())
                .flatMapMany(community -> goals.ofCommunity(communityId))
                .filter(goal -> EvidenceMetrics.fromEvents(goal.metric()))
                .concatMap(goal -> measure(goal).flatMap(level -> level.compareTo(goal.currentValue()) == 0
                        ? Mono.<Void>empty() : progress(goal, level)))
                .then();
    }

    private Mono<BigDecimal> measure(Goal goal) {
        // The goal's days are the organisation's (the clock runs in its zone, GUILDHALL_TIME_ZONE).
        return evidence.measure(goal.communityId(), goal.metric(),
                        goal.startDate().atStartOfDay(clock.getZone()).toOffsetDateTime(),
                        goal.dueDate().plusDays(1).atStartOfDay(clock.getZone()).toOffsetDateTime())
                .map(measured -> goal.baseline().add(measured).setScale(2, RoundingMode.HALF_EVEN));
    }

    private Mono<Void> progress(Goal goal, BigDecimal level) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.now(clock);
        CheckIn evidence = new CheckIn(UUID.randomUUID(), goal.id(), level, today, null, ProgressSource.EVENT_EVIDENCE, null, now);
        return checkIns.append(evidence)
                .then(goals.update(goal.movedTo(level, today, now)))
                .flatMap(saved -> outbox.append(new GoalProgressReported(goal.communityId(), goal.id(), evidence.id(), level,
                                today, null, ProgressSource.EVENT_EVIDENCE.name(), null, now))
                        .then(goalService.statusChange(goal, saved, GoalStatusChangeCause.EVENT_EVIDENCE, now)));
    }
}
