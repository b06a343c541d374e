package io.guildhall.gateway.portal.organiser;

import io.guildhall.gateway.portal.api.ApiClient;
import io.guildhall.gateway.portal.api.ApiProblemException;
import io.guildhall.gateway.portal.api.Service;
import io.guildhall.gateway.portal.event.EventDetail;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The organiser records attendance: one person (with the minutes they stayed, default the whole event), everyone
 * ticked at once (all or nothing, as the service does it), or withdraws a check-in made by mistake. With htmx the
 * attendee list is replaced in place; without, the page reloads.
 */
@Controller
public class CheckInController {

    static final String ATTENDEES_FRAGMENT = "organiser/manage :: attendees";

    private final ApiClient api;
    private final Attendance attendance;

    public CheckInController(ApiClient api, Attendance attendance) {
        this.api = api;
        this.attendance = attendance;
    }

    @PostMapping("/organiser/events/{id}/check-ins")
    public Mono<String> checkIn(@PathVariable UUID id, ServerWebExchange exchange, Model model) {
        return exchange.getFormData().flatMap(form -> {
            // The row's own button names its person; the ticked boxes of the surrounding bulk form are not meant.
            String person = form.getFirst("checkIn");
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("personId", person);
            Integer minutes = minutes(form.getFirst("minutes"));
            if (minutes != null) {
                body.put("minutes", minutes);
            }
            return respond(id, api.post(Service.EVENT, "/api/events/{id}/check-ins", body, id), "Checked in.", exchange, model);
        });
    }

    @PostMapping("/organiser/events/{id}/check-ins/bulk")
    public Mono<String> checkInAll(@PathVariable UUID id, ServerWebExchange exchange, Model model) {
        return exchange.getFormData().flatMap(form -> {
            List<String> people = form.getOrDefault("personId", List.of());
            if (people.isEmpty()) {
                return respond(id, Mono.error(new ApiProblemException(Service.EVENT, 400, null,
                        "Tick the people to check in first.", Map.of())), null, exchange, model);
            }
            List<Map<String, Object>> attendees = people.stream().map(p -> Map.<String, Object>of("personId", p)).toList();
            String done = people.size() == 1 ? "1 person checked in." : people.size() + " people checked in.";
            return respond(id, api.post(Service.EVENT, "/api/events/{id}/check-ins/bulk", Map.of("attendees", attendees), id),
                    done, exchange, model);
        });
    }

    @PostMapping("/organiser/events/{id}/check-ins/{personId}/withdraw")
    public Mono<String> withdraw(@PathVariable UUID id, @PathVariable String personId, ServerWebExchange exchange, Model model) {
        return respond(id, api.delete(Service.EVENT, "/api/events/{id}/check-ins/{personId}", id, personId),
                "Check-in withdrawn.", exchange, model);
    }

    private Mono<String> respond(UUID id, Mono<?> change, String done, ServerWebExchange exchange, Model model) {
        boolean htmx = exchange.getRequest().getHeaders().containsHeader("HX-Request");
        return change.then(Mono.just(""))
                .onErrorResume(ApiProblemException.class, e -> e.status() == 401 ? Mono.error(e) : Mono.just(message(e)))
                .flatMap(problem -> {
                    if (problem.isEmpty() && !htmx) {
                        return Mono.just("redirect:/organiser/events/" + id);
                    }
                    if (!problem.isEmpty()) {
                        exchange.getResponse().setStatusCode(HttpStatus.UNPROCESSABLE_ENTITY);
                    }
                    return api.object(Service.EVENT, EventDetail.class, "/api/events/{id}", id).flatMap(event -> attendance
                            .of(id, event, problem.isEmpty() ? null : problem, problem.isEmpty() ? done : null)
                            .map(view -> {
                                model.addAttribute("event", event);
                                model.addAttribute("attendance", view);
                                // Without htmx a refusal shows on the whole page again.
                                return htmx ? ATTENDEES_FRAGMENT : "organiser/manage";
                            }));
                });
    }

    private static String message(ApiProblemException e) {
        String fields = e.fieldErrors().isEmpty() ? "" : " " + String.join("; ", e.fieldErrors().entrySet().stream()
                .map(f -> f.getKey() + ": " + f.getValue()).toList());
        return (e.detail() != null ? e.detail() : e.title() != null ? e.title() : "Refused (" + e.status() + ")") + fields;
    }

    private static Integer minutes(String text) {
        try {
            return text == null || text.isBlank() ? null : Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
