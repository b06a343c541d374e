package io.guildhall.gateway.portal.me;

import io.guildhall.gateway.portal.PersonalToday;
import io.guildhall.gateway.portal.Section;
import io.guildhall.gateway.portal.FormValues;
import io.guildhall.gateway.portal.api.ApiClient;
import io.guildhall.gateway.portal.api.ApiProblemException;
import io.guildhall.gateway.portal.api.FormErrors;
import io.guildhall.gateway.portal.api.Service;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * My contribution log: log an entry, correct it, delete it (membership-service allows both within 14 days).
 * The log form lives on /me; a refusal re-renders the log section with the messages at their fields.
 */
@Controller
public class ContributionController {

    private static final Set<String> NUMBERS = Set.of("minutes");

    private final ApiClient api;
    private final PersonalToday today;

    public ContributionController(ApiClient api, PersonalToday today) {
        this.api = api;
        this.today = today;
    }

    @PostMapping("/me/contributions")
    public Mono<String> log(@RequestHeader(value = "HX-Request", required = false) String htmx, Model model,
                            ServerWebExchange exchange) {
        return exchange.getFormData().flatMap(data -> {
            FormValues form = FormValues.of(data, ContributionForms.FIELDS);
            return api.post(Service.MEMBERSHIP, "/api/contributions", form.body(NUMBERS))
                    .flatMap(created -> htmx == null ? Mono.just("redirect:/me#contributions")
                            : blankSection(FormErrors.none(), "Logged.", model))
                    .onErrorResume(ApiProblemException.class, problem -> {
                        exchange.getResponse().setStatusCode(HttpStatus.UNPROCESSABLE_CONTENT);
                        return logSection(form.typed(), errors(problem), null, model)
                                .map(view -> htmx == null ? "me/contribution-form" : view);
                    });
        });
    }

    @GetMapping("/me/contributions/{id:[0-9a-fA-F-]{36}}/edit")
    public Mono<String> edit(@PathVariable UUID id, Model model) {
        return log().flatMap(log -> {
            ContributionForms.Entry entry = log.available() ? log.data().entry(id).orElse(null) : null;
            if (entry == null) {
                return Mono.error(new ApiProblemException(Service.MEMBERSHIP, 404, "Not found",
                        "This entry is not in your log of the last 30 days", Map.of()));
            }
            Map<String, String> form = entry.form();
            model.addAttribute("entryId", id);
            model.addAttribute("form", form);
            model.addAttribute("errors", FormErrors.none());
            model.addAttribute("log", log);
            return Mono.just("me/contribution-form");
        });
    }

    @PostMapping("/me/contributions/{id:[0-9a-fA-F-]{36}}")
    public Mono<String> correct(@PathVariable UUID id, Model model, ServerWebExchange exchange) {
        return exchange.getFormData().flatMap(data -> {
            FormValues form = FormValues.of(data, ContributionForms.FIELDS);
            return api.patch(Service.MEMBERSHIP, "/api/contributions/{id}", form.body(NUMBERS), id)
                    .thenReturn("redirect:/me#contributions")
                    .onErrorResume(ApiProblemException.class, problem -> log().map(log -> {
                        exchange.getResponse().setStatusCode(HttpStatus.UNPROCESSABLE_CONTENT);
                        model.addAttribute("entryId", id);
                        model.addAttribute("form", form.typed());
                        model.addAttribute("errors", errors(problem));
                        model.addAttribute("log", log);
                        return "me/contribution-form";
                    }));
        });
    }

    /** Deletes in place (htmx swaps the row away) or comes back to /me; a refusal (too old) says why. */
    @PostMapping("/me/contributions/{id:[0-9a-fA-F-]{36}}/delete")
    public Mono<String> delete(@PathVariable UUID id, @RequestHeader(value = "HX-Request", required = false) String htmx,
                               Model model, ServerWebExchange exchange) {
        return api.delete(Service.MEMBERSHIP, "/api/contributions/{id}", id)
                .then(Mono.defer(() -> htmx == null ? Mono.just("redirect:/me#contributions")
                        : blankSection(FormErrors.none(), "Deleted.", model)))
                .onErrorResume(ApiProblemException.class, problem -> {
                    exchange.getResponse().setStatusCode(HttpStatus.UNPROCESSABLE_CONTENT);
                    return blankSection(FormErrors.of(problem), null, model);
                });
    }

    /** The log of the person's last 30 days, counted back from their own today. */
    private Mono<Section<ContributionForms.Log>> log() {
        return today.today().flatMap(day -> ContributionForms.log(api, day));
    }

    /** The section with an empty form dated the person's today. */
    private Mono<String> blankSection(FormErrors errors, String saved, Model model) {
        return today.today().flatMap(day -> logSection(ContributionForms.blank(day), errors, saved, model));
    }

    private Mono<String> logSection(Map<String, String> form, FormErrors errors, String saved, Model model) {
        return log().map(log -> {
            model.addAttribute("form", form);
            model.addAttribute("errors", errors);
            model.addAttribute("saved", saved);
            model.addAttribute("log", log);
            return "me/index :: contributions";
        });
    }

    private static FormErrors errors(ApiProblemException problem) {
        return FormErrors.of(problem, Map.of(), Set.copyOf(ContributionForms.FIELDS))
                .inPlainWords(ContributionForms.LABELS).ordered(ContributionForms.FIELDS);
    }

}
