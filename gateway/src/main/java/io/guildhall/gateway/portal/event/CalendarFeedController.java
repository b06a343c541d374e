package io.guildhall.gateway.portal.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.guildhall.gateway.portal.api.ApiClient;
import io.guildhall.gateway.portal.api.Service;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * My personal calendar feed: a secret URL that calendar apps subscribe to (they cannot sign in with OIDC), with
 * the events I am going to or waiting for. Renewing it revokes the old URL, for a link that leaked.
 */
@Controller
public class CalendarFeedController {

    private final ApiClient api;

    public CalendarFeedController(ApiClient api) {
        this.api = api;
    }

    @GetMapping("/events/calendar-feed")
    public Mono<String> feed(ServerWebExchange exchange, Model model) {
        return api.object(Service.EVENT, Feed.class, "/api/me/calendar").map(feed -> {
            // The service answers a path; calendar apps need the portal's absolute URL of it.
            String url = UriComponentsBuilder.fromUri(exchange.getRequest().getURI()).replacePath(feed.url())
                    .replaceQuery(null).build().toUriString();
            model.addAttribute("feedUrl", url);
            model.addAttribute("webcalUrl", url.replaceFirst("^https?://", "webcal://"));
            model.addAttribute("renewed", exchange.getRequest().getQueryParams().containsKey("renewed"));
            return "events/calendar-feed";
        });
    }

    /** My calendar feed's secret path, as {@code GET /api/me/calendar} answers it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Feed(String url) {
    }

    @PostMapping("/events/calendar-feed/renew")
    public Mono<String> renew() {
        return api.delete(Service.EVENT, "/api/me/calendar").thenReturn("redirect:/events/calendar-feed?renewed");
    }
}
