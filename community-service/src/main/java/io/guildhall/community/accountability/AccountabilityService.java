package io.guildhall.community.accountability;

import io.guildhall.community.community.CommunityService;
import io.guildhall.community.community.Leadership;
import io.guildhall.community.goal.CheckIn;
import io.guildhall.community.goal.CheckInStore;
import io.guildhall.community.goal.EvidenceStore;
import io.guildhall.community.goal.GoalStore;
import io.guildhall.support.security.CurrentPerson;
import io.guildhall.support.web.InvalidFieldException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** The accountability report: for the community's leads, admins and executives. */
@Service
public class AccountabilityService {

    static final int MAX_DAYS = 731;

    private final CommunityService communities;
    private final Leadership leadership;
    private final GoalStore goals;
    private final CheckInStore checkIns;
    private final EvidenceStore sessions;
    private final Clock clock;
    private final int staleAfterWeeks;

    public AccountabilityService(CommunityService communities, Leadership leadership, GoalStore goals,
                                 CheckInStore checkIns, EvidenceStore sessions, Clock clock,
                                 @Value("${guildhall.accountability.stale-after-weeks:2}") int staleAfterWeeks) {
        this.communities = communities;
        this.leadership = leadership;
        this.goals = goals;
        this.checkIns = checkIns;
        this.sessions = sessions;
        this.clock = clock;
        this.staleAfterWeeks = staleAfterWeeks;
    }

    /** Without dates the period is the 13 weeks up to today. */
    public Mono<AccountabilityReport> report(UUID communityId, LocalDate from, LocalDate to, CurrentPerson caller) {
        LocalDate end = to == null ? LocalDate.now(clock) : to;
        LocalDate start = from == null ? end.minusWeeks(13).plusDays(1) : from;
        if (start.isAfter(end)) {
            return Mono.error(new InvalidFieldException("from", "must not be after to"));
        }
        if (ChronoUnit.DAYS.between(start, end) > MAX_DAYS) {
            return Mono.error(new InvalidFieldException("to", "the period may span at most " + MAX_DAYS + " days"));
        }
        return communities.find(communityId)
                .flatMap(community -> (caller.hasRole(CurrentPerson.EXECUTIVE) ? Mono.<Void>empty()
                        : leadership.requireLeadOrAdmin(communityId, caller)).thenReturn(community))
                .flatMap(community -> goals.ofCommunity(communityId).collectList()
                        .zipWith(checkIns.ofCommunity(communityId, end).collectList())
                        .zipWith(sessions.sessionsOf(communityId).map(session -> new AccountabilityReport.Session(
                                session.eventId(), session.startsAt(), session.attendees())).collectList())
                        .map(data -> {
                            Map<UUID, List<CheckIn>> history = data.getT1().getT2().stream()
                                    .collect(Collectors.groupingBy(CheckIn::goalId));
                            return AccountabilityCalculator.report(communityId, community.name(), start, end, staleAfterWeeks,
                                    data.getT1().getT1(), history, data.getT2(), clock.getZone());
                        }));
    }
}
