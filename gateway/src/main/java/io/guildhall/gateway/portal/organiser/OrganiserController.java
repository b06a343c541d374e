package io.guildhall.gateway.portal.organiser;

import io.guildhall.gateway.portal.PortalGuard;
import io.guildhall.gateway.portal.PortalUser;
import io.guildhall.gateway.portal.Section;
import io.guildhall.gateway.portal.api.ApiClient;
import io.guildhall.gateway.portal.api.Service;
import io.guildhall.gateway.portal.event.EventDetail;
import io.guildhall.gateway.portal.event.FeedbackState;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The organiser's pages: the events I organise (upcoming, and those of the past week whose attendance I may still
 * record), and one event's management page (attendees, check-in, edit, cancel, its series).
 */
@Controller
public class OrganiserController {

    /** Attendance can be recorded up to 7 days after an event ends. */
    private static final Duration CHECK_IN_WINDOW = Duration.ofDays(7);

    private final ApiClient api;
    private final Attendance attendance;
    private final Clock clock;
    private final PortalGuard guard;

    public OrganiserController(ApiClient api, Attendance attendance, Clock clock, PortalGuard guard) {
        this.api = api;
        this.attendance = attendance;
        this.clock = clock;
        this.guard = guard;
    }

    @GetMapping("/organiser")
    public Mono<String> mine(Authentication authentication, Model model) {
        String me = PortalUser.of(authentication).personId();
        Instant since = Instant.now(clock).minus(CHECK_IN_WINDOW);
        return Section.guard(api.list(Service.EVENT, EventDetail.class, uri -> uri.path("/api/events")
                        .queryParam("mine", true).queryParam("from", since).queryParam("size", 100).build())
                        .map(events -> events.stream().filter(e -> me.equals(e.organiserId()) || e.coOrganising()).toList()))
                .map(events -> {
                    model.addAttribute("events", events);
                    return "organiser/index";
                });
    }

    @GetMapping("/organiser/events/{id}")
    public Mono<String> manage(@PathVariable UUID id, ServerWebExchange exchange, Model model) {
        model.addAttribute("notice", notice(exchange));
        return page(id, exchange, model);
    }

    /**
     * The page of those who run the event: attendees and check-in, and the co-organisers; editing, cancelling and
     * choosing co-organisers only for its organiser (and admins).
     */
    Mono<String> page(UUID id, ServerWebExchange exchange, Model model) {
        return exchange.getPrincipal().map(p -> PortalUser.of((Authentication) p))
                .flatMap(user -> guard.runs(id, exchange).flatMap(event -> {
                    model.addAttribute("event", event);
                    model.addAttribute("organising", user.isAdmin() || user.personId().equals(event.organiserId()));
                    Mono<Section<List<EventDetail>>> series = event.seriesId() == null ? Mono.just(Section.of(List.of()))
                            : Section.guard(api.list(Service.EVENT, EventDetail.class, uri -> uri.path("/api/events")
                                    .queryParam("seriesId", event.seriesId()).queryParam("size", 100).build()));
                    return Mono.zip(attendance.of(id, event, null), series, Section.guard(Hosts.of(api, id)),
                            Section.guard(FeedbackState.summary(api, id))).map(parts -> {
                        model.addAttribute("attendance", parts.getT1());
                        model.addAttribute("series", parts.getT2());
                        model.addAttribute("hosts", parts.getT3());
                        model.addAttribute("feedbackSummary", parts.getT4());
                        return "organiser/manage";
                    });
                }));
    }

    private static String notice(ServerWebExchange exchange) {
        var query = exchange.getRequest().getQueryParams();
        return query.containsKey("scheduled") ? "The event is scheduled."
                : query.containsKey("saved") ? "Your changes are saved; people who answered are told about new times."
                : query.containsKey("cancelled") ? "The event is cancelled; everyone who answered is told."
                : query.containsKey("series-cancelled") ? "The remaining occurrences of the series are cancelled."
                : null;
    }
}
