package io.guildhall.gateway.portal.admin;

import io.guildhall.gateway.portal.Section;
import io.guildhall.gateway.portal.api.ApiClient;
import io.guildhall.gateway.portal.api.ApiProblemException;
import io.guildhall.gateway.portal.api.Service;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import reactor.core.publisher.Mono;

import java.util.Optional;

/**
 * The admins' view of analytics' read-model rebuild ({@code /api/analytics/admin/rebuild}): the latest one's state,
 * events applied, what is left and the time it should take, with buttons to start one or cancel the running one.
 * The figures people see stay whole while it runs. Only admins reach this page (security chain); analytics-service
 * checks the role again.
 */
@Controller
public class RebuildPageController {

    private static final String API = "/api/analytics/admin/rebuild";

    private final ApiClient api;

    public RebuildPageController(ApiClient api) {
        this.api = api;
    }

    @GetMapping("/admin/rebuild")
    public Mono<String> rebuild(Model model) {
        Mono<Optional<Rebuild>> latest = api.object(Service.ANALYTICS, Rebuild.class, API)
                .map(Optional::of)
                .onErrorResume(ApiProblemException.class, problem -> problem.status() == 404
                        ? Mono.just(Optional.empty()) : Mono.error(problem));
        return Section.guard(latest).map(section -> {
            model.addAttribute("rebuild", section);
            return "admin/rebuild";
        });
    }

    @PostMapping("/admin/rebuild")
    public Mono<String> start(Model model) {
        return act(api.post(Service.ANALYTICS, API, null).then(), model);
    }

    @PostMapping("/admin/rebuild/cancel")
    public Mono<String> cancel(Model model) {
        return act(api.delete(Service.ANALYTICS, API).then(), model);
    }

    /** Back to the page; a refusal (one running already, none to cancel) is said there. */
    private Mono<String> act(Mono<Void> action, Model model) {
        return action.thenReturn("redirect:/admin/rebuild")
                .onErrorResume(ApiProblemException.class, problem -> {
                    model.addAttribute("refusal", problem.detail() != null ? problem.detail() : problem.title());
                    return rebuild(model);
                });
    }
}
