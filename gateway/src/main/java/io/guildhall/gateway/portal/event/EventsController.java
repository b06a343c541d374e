package io.guildhall.gateway.portal.event;

import io.guildhall.gateway.portal.Directory;
import io.guildhall.gateway.portal.Section;
import io.guildhall.gateway.portal.ViewerZones;
import io.guildhall.gateway.portal.api.ApiClient;
import io.guildhall.gateway.portal.api.Service;
import io.guildhall.gateway.portal.community.CommunityDetail;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.security.Principal;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * The events page: upcoming events as a list, or a week or month calendar, filtered by type, format and
 * community (and "only mine"). The filters are a plain GET form, so every view is a link one can share.
 */
@Controller
public class EventsController {

    static final int PAGE_SIZE = 20;
    /** The API's largest page; a month rarely holds more, and the calendar reads a few pages at most. */
    private static final int API_PAGE = 100;
    private static final int CALENDAR_PAGES = 5;

    private final ApiClient api;
    private final Clock clock;
    private final ViewerZones zones;

    public EventsController(ApiClient api, Clock clock, ViewerZones zones) {
        this.api = api;
        this.clock = clock;
        this.zones = zones;
    }

    @GetMapping("/events")
    public Mono<String> events(ServerWebExchange exchange, Principal principal, Model model) {
        EventFilters filters = EventFilters.of(exchange.getRequest().getQueryParams());
        model.addAttribute("filters", filters);
        model.addAttribute("types", EventFilters.TYPES);
        model.addAttribute("formats", EventFilters.FORMATS);
        // The calendar's days are the viewer's days.
        ZoneId zone = zones.of(principal, exchange).zone();
        Mono<Section<List<CommunityDetail>>> communities = Section.guard(Communities.all(api));
        Mono<?> body = filters.isCalendar() ? calendar(filters, zone, model) : list(filters, zone, model);
        return communities.doOnNext(c -> {
            model.addAttribute("communities", c);
            model.addAttribute("communityNames", c.available()
                    ? c.data().stream().collect(java.util.stream.Collectors.toMap(CommunityDetail::id, CommunityDetail::name, (a, b) -> a))
                    : Map.of());
        }).then(body).thenReturn("events/list");
    }

    /**
     * Upcoming events by day where the viewer is ("Today", "Tomorrow", ...), each with its community, where, its host
     * and the viewer's own answer.
     */
    private Mono<Void> list(EventFilters filters, ZoneId zone, Model model) {
        Instant now = Instant.now(clock);
        LocalDate today = LocalDate.ofInstant(now, zone);
        return Section.guard(api.list(Service.EVENT, EventDetail.class, uri -> filters.apply(uri.path("/api/events"))
                        .queryParam("from", now).queryParam("page", filters.page()).queryParam("size", PAGE_SIZE).build()))
                .flatMap(events -> hosts(events).map(hosts -> {
                    model.addAttribute("events", events);
                    model.addAttribute("days", events.available() ? EventDay.of(events.data(), zone, today) : List.of());
                    model.addAttribute("hosts", hosts);
                    model.addAttribute("hasNext", events.available() && events.data().size() == PAGE_SIZE);
                    return events;
                })).then();
    }

    /** The organisers' names from the directory; one that cannot be read is left out (the list shows no host then). */
    private Mono<Map<String, String>> hosts(Section<List<EventDetail>> events) {
        if (!events.available()) {
            return Mono.just(Map.of());
        }
        return Flux.fromStream(events.data().stream().map(EventDetail::organiserId).distinct())
                .flatMap(id -> Directory.name(api, id).filter(name -> !name.equals(id)).map(name -> Map.entry(id, name)), 4)
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    private Mono<Void> calendar(EventFilters filters, ZoneId zone, Model model) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        CalendarGrid grid = CalendarGrid.empty(filters.view(), filters.date() == null ? today : filters.date(), today);
        Mono<List<EventDetail>> events = Flux.range(0, CALENDAR_PAGES)
                .concatMap(page -> api.list(Service.EVENT, EventDetail.class, uri -> filters.apply(uri.path("/api/events"))
                        .queryParam("from", grid.from(zone)).queryParam("to", grid.to(zone))
                        .queryParam("page", page).queryParam("size", API_PAGE).build()))
                .takeUntil(page -> page.size() < API_PAGE)
                .flatMapIterable(page -> page)
                .collectList();
        return Section.guard(events.map(list -> grid.with(list, zone)))
                .doOnNext(section -> model.addAttribute("calendar", section)).then();
    }
}
