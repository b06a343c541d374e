package io.guildhall.gateway.portal.home;

import io.guildhall.gateway.portal.Section;
import io.guildhall.gateway.portal.api.ApiClient;
import io.guildhall.gateway.portal.api.Service;
import io.guildhall.gateway.portal.community.MyCommunities;
import io.guildhall.gateway.portal.event.EventDetail;
import io.guildhall.gateway.portal.me.Participation;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The home page: my next events, my communities, my participation this quarter against the target, and
 * suggestions. Each section comes from one service and shows its own unavailable state when that service is
 * down, so one slow service never blanks the page.
 */
@Controller
public class HomeController {

    private final ApiClient api;
    private final Suggestions suggestions;
    private final Clock clock;

    public HomeController(ApiClient api, Suggestions suggestions, Clock clock) {
        this.api = api;
        this.suggestions = suggestions;
        this.clock = clock;
    }

    @GetMapping("/")
    public Mono<String> home(Model model) {
        Mono<List<EventDetail>> myEvents = api.list(Service.EVENT, EventDetail.class, uri -> uri.path("/api/events")
                .queryParam("mine", true).queryParam("from", Instant.now(clock)).queryParam("size", 5).build());
        Mono<MyCommunities> myCommunities = api.object(Service.MEMBERSHIP, MyCommunities.class, "/api/me/communities")
                .cache();
        Mono<Section<Participation>> participation = Section.guard(Participation.quarter(api));
        return Mono.zip(Section.guard(myEvents), Section.guard(myCommunities), participation,
                        Section.guard(suggestions.forMe(myCommunities)))
                .map(sections -> {
                    model.addAttribute("events", sections.getT1());
                    model.addAttribute("communities", sections.getT2());
                    model.addAttribute("participation", sections.getT3());
                    model.addAttribute("suggestions", sections.getT4());
                    return "home";
                });
    }
}
