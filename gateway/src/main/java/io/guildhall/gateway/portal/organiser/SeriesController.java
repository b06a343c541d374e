package io.guildhall.gateway.portal.organiser;

import io.guildhall.gateway.portal.event.EventDetail;
import io.guildhall.gateway.portal.api.ApiClient;
import io.guildhall.gateway.portal.api.Service;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Cancelling what is left of a recurring event. The API cancels one occurrence at a time, so the portal cancels
 * each scheduled occurrence that has not started yet, one after the other; a refusal stops there and the page
 * shows which occurrences are cancelled.
 */
@Controller
public class SeriesController {

    private final ApiClient api;
    private final Clock clock;

    public SeriesController(ApiClient api, Clock clock) {
        this.api = api;
        this.clock = clock;
    }

    @PostMapping("/organiser/series/{seriesId}/cancel")
    public Mono<String> cancelRest(@PathVariable UUID seriesId, ServerWebExchange exchange) {
        Instant now = Instant.now(clock);
        return exchange.getFormData().flatMap(form -> {
            String reason = form.getFirst("reason") == null ? "" : form.getFirst("reason").trim();
            String back = form.getFirst("eventId") == null ? "/organiser" : "/organiser/events/" + UUID.fromString(form.getFirst("eventId"));
            return api.list(Service.EVENT, EventDetail.class, uri -> uri.path("/api/events").queryParam("seriesId", seriesId).queryParam("size", 100).build())
                    .flatMapMany(Flux::fromIterable)
                    .filter(e -> e.isScheduled() && e.startsAt().isAfter(now))
                    .concatMap(e -> api.post(Service.EVENT, "/api/events/{id}/cancel",
                            reason.isEmpty() ? Map.of() : Map.of("reason", reason), e.id()))
                    .then(Mono.just("redirect:" + back + "?series-cancelled"));
        });
    }
}
