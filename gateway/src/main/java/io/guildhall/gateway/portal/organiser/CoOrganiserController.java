package io.guildhall.gateway.portal.organiser;

import io.guildhall.gateway.portal.PortalGuard;
import io.guildhall.gateway.portal.api.ApiClient;
import io.guildhall.gateway.portal.api.ApiProblemException;
import io.guildhall.gateway.portal.api.FormErrors;
import io.guildhall.gateway.portal.api.Service;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The organiser chooses co-organisers on the event's page (issue 17): a name typed is looked up in the directory,
 * then event-service decides (not the organiser themselves, at most 10, not of a cancelled event). In place with
 * htmx, and by plain form posts without it.
 */
@Controller
public class CoOrganiserController {

    static final String FRAGMENT = "organiser/manage :: coOrganisers";

    private final ApiClient api;
    private final PortalGuard guard;
    private final OrganiserController pages;

    public CoOrganiserController(ApiClient api, PortalGuard guard, OrganiserController pages) {
        this.api = api;
        this.guard = guard;
        this.pages = pages;
    }

    @PostMapping("/organiser/events/{id}/co-organisers")
    public Mono<String> add(@PathVariable UUID id, ServerWebExchange exchange, Model model) {
        return exchange.getFormData().flatMap(form -> {
            String typed = form.getFirst("person") == null ? "" : form.getFirst("person").trim();
            model.addAttribute("form", Map.of("person", typed));
            Mono<String> added = guard.organises(id, exchange)
                    .then(Hosts.find(api, typed))
                    .flatMap(person -> api.call(Service.EVENT, HttpMethod.PUT,
                            uri -> uri.path("/api/events/{id}/co-organisers/{p}").build(id, person), null, Map.of()))
                    .thenReturn("Added: they can now check people in and see who answered.");
            return respond(id, added, exchange, model);
        });
    }

    @PostMapping("/organiser/events/{id}/co-organisers/{personId}/remove")
    public Mono<String> remove(@PathVariable UUID id, @PathVariable String personId, ServerWebExchange exchange, Model model) {
        Mono<String> removed = guard.organises(id, exchange)
                .then(api.delete(Service.EVENT, "/api/events/{id}/co-organisers/{p}", id, personId))
                .thenReturn("Removed.");
        return respond(id, removed, exchange, model);
    }

    private Mono<String> respond(UUID id, Mono<String> change, ServerWebExchange exchange, Model model) {
        boolean htmx = exchange.getRequest().getHeaders().containsHeader("HX-Request");
        return change.map(done -> {
                    model.addAttribute("hostsDone", done);
                    model.addAttribute("form", Map.of("person", ""));
                    return FormErrors.none();
                })
                .onErrorResume(ApiProblemException.class, e -> e.status() == 401 || e.status() == 403 ? Mono.error(e)
                        : Mono.just(FormErrors.of(e, Map.of("personId", "person"), Set.of("person"))
                                .inPlainWords(Map.of("person", "Person"))))
                .flatMap(errors -> {
                    if (errors.isEmpty() && !htmx) {
                        return Mono.just("redirect:/organiser/events/" + id);
                    }
                    model.addAttribute("errors", errors);
                    if (!errors.isEmpty()) {
                        exchange.getResponse().setStatusCode(HttpStatus.UNPROCESSABLE_CONTENT);
                    }
                    return pages.page(id, exchange, model).map(view -> htmx ? FRAGMENT : view);
                });
    }
}
