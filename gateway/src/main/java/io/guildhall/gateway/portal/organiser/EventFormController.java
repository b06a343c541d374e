package io.guildhall.gateway.portal.organiser;

import io.guildhall.gateway.portal.PortalGuard;
import io.guildhall.gateway.portal.PortalUser;
import io.guildhall.gateway.portal.ViewerZones;
import io.guildhall.gateway.portal.Section;
import io.guildhall.gateway.portal.api.ApiClient;
import io.guildhall.gateway.portal.api.ApiProblemException;
import io.guildhall.gateway.portal.api.FormErrors;
import io.guildhall.gateway.portal.api.Service;
import io.guildhall.gateway.portal.event.EventDetail;
import io.guildhall.gateway.portal.event.Communities;
import io.guildhall.gateway.portal.event.EventFilters;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

/**
 * Scheduling (once or as a series), editing and rescheduling, and cancelling an event. A refused form comes back
 * with each message next to its field and everything the organiser typed still there.
 */
@Controller
public class EventFormController {

    private final ApiClient api;
    private final PortalGuard guard;
    private final ViewerZones zones;

    public EventFormController(ApiClient api, PortalGuard guard, ViewerZones zones) {
        this.api = api;
        this.guard = guard;
        this.zones = zones;
    }

    @GetMapping("/organiser/events/new")
    public Mono<String> newEvent(ServerWebExchange exchange, Model model) {
        // Times are typed in the organiser's own zone, unless they choose the one the event is held in.
        return exchange.getPrincipal().map(principal -> zones.of(principal, exchange).zone())
                .defaultIfEmpty(zones.zones().organisation())
                .flatMap(zone -> {
                    Map<String, String> form = EventForm.blank(zone);
                    String communityId = exchange.getRequest().getQueryParams().getFirst("communityId");
                    if (communityId != null) {
                        form.put("communityId", communityId);
                    }
                    return form(exchange, model, form, FormErrors.none(), null);
                });
    }

    @PostMapping("/organiser/events")
    public Mono<String> create(ServerWebExchange exchange, Model model) {
        return exchange.getFormData().flatMap(posted -> {
            Map<String, String> form = EventForm.typed(posted);
            return Mono.fromCallable(() -> EventForm.createBody(form))
                    .flatMap(body -> api.post(Service.EVENT, "/api/events", body))
                    .map(created -> "redirect:/organiser/events/" + created.bodyAsMap().get("id") + "?scheduled")
                    .onErrorResume(ApiProblemException.class, e -> refused(e, exchange, model, form, null));
        });
    }

    @GetMapping("/organiser/events/{id}/edit")
    public Mono<String> edit(@PathVariable UUID id, ServerWebExchange exchange, Model model) {
        return guard.organises(id, exchange).then(api.object(Service.EVENT, "/api/events/{id}", id)).flatMap(event -> {
            model.addAttribute("event", event);
            model.addAttribute("sequence", String.valueOf(event.get("sequence")));
            return form(exchange, model, EventForm.of(event), FormErrors.none(), id);
        });
    }

    /** Edit and reschedule are one form: new times are a reschedule (attendees are told), the rest an update. */
    @PostMapping("/organiser/events/{id}/edit")
    public Mono<String> update(@PathVariable UUID id, ServerWebExchange exchange, Model model) {
        return exchange.getFormData().flatMap(posted -> api.object(Service.EVENT, "/api/events/{id}", id).flatMap(current -> {
            Map<String, String> form = EventForm.typed(posted);
            String sequence = posted.getFirst("sequence");
            model.addAttribute("event", current);
            model.addAttribute("sequence", sequence);
            return Mono.fromCallable(() -> EventForm.changes(form, current))
                    .flatMap(changes -> changes.isEmpty() ? Mono.just("redirect:/organiser/events/" + id)
                            : api.call(Service.EVENT, HttpMethod.PATCH, uri -> uri.path("/api/events/{id}").build(id), changes,
                                    sequence == null || sequence.isBlank() ? Map.of() : Map.of("If-Match", "\"" + sequence + "\""))
                            .thenReturn("redirect:/organiser/events/" + id + "?saved"))
                    .onErrorResume(ApiProblemException.class, e -> refused(e, exchange, model, form, id));
        }));
    }

    @GetMapping("/organiser/events/{id}/cancel")
    public Mono<String> confirmCancel(@PathVariable UUID id, Model model, ServerWebExchange exchange) {
        return guard.organises(id, exchange).map(event -> {
            model.addAttribute("event", event);
            model.addAttribute("form", Map.of("reason", ""));
            model.addAttribute("errors", FormErrors.none());
            return "organiser/cancel";
        });
    }

    @PostMapping("/organiser/events/{id}/cancel")
    public Mono<String> cancel(@PathVariable UUID id, ServerWebExchange exchange, Model model) {
        return exchange.getFormData().flatMap(posted -> {
            String reason = posted.getFirst("reason") == null ? "" : posted.getFirst("reason").trim();
            return api.post(Service.EVENT, "/api/events/{id}/cancel", reason.isEmpty() ? Map.of() : Map.of("reason", reason), id)
                    .thenReturn("redirect:/organiser/events/" + id + "?cancelled")
                    .onErrorResume(ApiProblemException.class, e -> e.status() == 401 ? Mono.error(e)
                            : api.object(Service.EVENT, EventDetail.class, "/api/events/{id}", id).map(event -> {
                                exchange.getResponse().setStatusCode(HttpStatus.UNPROCESSABLE_ENTITY);
                                model.addAttribute("event", event);
                                model.addAttribute("form", Map.of("reason", reason));
                                model.addAttribute("errors", FormErrors.of(e));
                                return "organiser/cancel";
                            }));
        });
    }

    private Mono<String> refused(ApiProblemException e, ServerWebExchange exchange, Model model, Map<String, String> form, UUID id) {
        if (e.status() == 401) {
            return Mono.error(e);
        }
        exchange.getResponse().setStatusCode(HttpStatus.UNPROCESSABLE_ENTITY);
        FormErrors errors = e.status() == 412
                ? FormErrors.of(new ApiProblemException(Service.EVENT, 412, null,
                        "Someone changed this event while you were editing it. Reload the page to see their changes.", Map.of()))
                : EventForm.errors(e);
        return form(exchange, model, form, errors, id);
    }

    private Mono<String> form(ServerWebExchange exchange, Model model, Map<String, String> form, FormErrors errors, UUID id) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("editing", id != null);
        model.addAttribute("labels", EventForm.LABELS);
        model.addAttribute("fieldLimits", EventForm.LIMITS);
        model.addAttribute("zones", TimeZoneChoices.of(zones.zones(), form.get("timeZone")));
        model.addAttribute("types", EventFilters.TYPES);
        model.addAttribute("formats", EventFilters.FORMATS);
        return exchange.getPrincipal().flatMap(principal -> {
            PortalUser user = PortalUser.of((Authentication) principal);
            return Section.guard(user.isAdmin() ? Communities.all(api) : Communities.ledBy(api, user.personId()));
        }).map(communities -> {
            model.addAttribute("communities", communities);
            return "organiser/event-form";
        });
    }
}
