package io.guildhall.gateway.portal.home;

import io.guildhall.gateway.portal.api.ApiClient;
import io.guildhall.gateway.portal.api.Service;
import io.guildhall.gateway.portal.community.CommunityDetail;
import io.guildhall.gateway.portal.community.MyCommunities;
import io.guildhall.gateway.portal.event.Communities;
import io.guildhall.gateway.portal.event.EventDetail;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Communities and events in my practice areas that I have not joined or answered yet. My practice areas are
 * those of the communities I belong to; someone in none sees the active communities to start from.
 */
@Component
public class Suggestions {

    private static final int SHOWN = 5;

    private final ApiClient api;
    private final Clock clock;

    public Suggestions(ApiClient api, Clock clock) {
        this.api = api;
        this.clock = clock;
    }

    public record Suggested(Set<String> practiceAreas, List<CommunityDetail> communities, List<EventDetail> events) {
    }

    public Mono<Suggested> forMe(Mono<MyCommunities> myMemberships) {
        return Mono.zip(myMemberships, Communities.all(api)).flatMap(pair -> {
            Set<UUID> mine = pair.getT1().communities().stream().map(MyCommunities.Membership::communityId)
                    .collect(Collectors.toSet());
            Set<String> areas = pair.getT2().stream().filter(c -> mine.contains(c.id()))
                    .map(CommunityDetail::practiceArea).filter(Objects::nonNull)
                    .collect(Collectors.toCollection(LinkedHashSet::new));
            List<CommunityDetail> inMyAreas = pair.getT2().stream()
                    .filter(c -> areas.isEmpty() || areas.contains(c.practiceArea())).toList();
            List<CommunityDetail> communities = inMyAreas.stream()
                    .filter(c -> !mine.contains(c.id())).limit(SHOWN).toList();
            Set<UUID> areaCommunityIds = inMyAreas.stream().map(CommunityDetail::id).collect(Collectors.toSet());
            Instant now = Instant.now(clock);
            return api.list(Service.EVENT, EventDetail.class, uri -> uri.path("/api/events").queryParam("from", now)
                            .queryParam("to", now.plus(60, ChronoUnit.DAYS)).queryParam("size", 100).build())
                    .zipWith(api.list(Service.EVENT, EventDetail.class, uri -> uri.path("/api/events")
                            .queryParam("mine", true).queryParam("from", now).queryParam("size", 100).build()))
                    .map(events -> {
                        Set<UUID> answered = events.getT2().stream().map(EventDetail::id)
                                .collect(Collectors.toSet());
                        List<EventDetail> suggested = events.getT1().stream()
                                .filter(e -> e.isScheduled() || e.status() == null)
                                .filter(e -> !answered.contains(e.id()))
                                .filter(e -> areas.isEmpty() || areaCommunityIds.contains(e.communityId()))
                                .limit(SHOWN).toList();
                        return new Suggested(areas, communities, suggested);
                    });
        });
    }
}
