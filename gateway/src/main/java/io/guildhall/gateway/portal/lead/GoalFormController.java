package io.guildhall.gateway.portal.lead;

import io.guildhall.gateway.portal.FormValues;
import io.guildhall.gateway.portal.Directory;
import io.guildhall.gateway.portal.PortalGuard;
import io.guildhall.gateway.portal.api.ApiClient;
import io.guildhall.gateway.portal.api.ApiProblemException;
import io.guildhall.gateway.portal.api.FormErrors;
import io.guildhall.gateway.portal.api.Service;
import io.guildhall.gateway.portal.community.CommunityDetail;
import io.guildhall.gateway.portal.community.GoalDetail;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Setting, editing and checking in on a community's goals. The forms send what was typed to community-service,
 * whose rules decide; a refusal comes back as the same form with each message at its field (422).
 */
@Controller
public class GoalFormController {

    static final List<String> GOAL_FIELDS = List.of("title", "description", "metric", "unit", "baseline", "target", "dueDate", "ownerId");
    static final List<String> CHECK_IN_FIELDS = List.of("value", "asOf", "comment");
    private static final Set<String> NUMBERS = Set.of("baseline", "target", "value");

    private final ApiClient api;
    private final PortalGuard guard;

    public GoalFormController(ApiClient api, PortalGuard guard) {
        this.api = api;
        this.guard = guard;
    }

    @GetMapping("/lead/communities/{id:[0-9a-fA-F-]{36}}/goals/new")
    public Mono<String> newGoal(@PathVariable UUID id, Model model, ServerWebExchange exchange) {
        Map<String, String> form = new LinkedHashMap<>();
        GOAL_FIELDS.forEach(field -> form.put(field, ""));
        form.put("metric", "SESSIONS_HELD");
        form.put("baseline", "0");
        return guard.leads(id, exchange).then(goalForm(id, null, form, FormErrors.none(), model));
    }

    @PostMapping("/lead/communities/{id:[0-9a-fA-F-]{36}}/goals")
    public Mono<String> create(@PathVariable UUID id, Model model, ServerWebExchange exchange) {
        return exchange.getFormData().flatMap(data -> {
            FormValues form = FormValues.of(data, GOAL_FIELDS);
            return api.post(Service.COMMUNITY, "/api/communities/{id}/goals", form.body(NUMBERS), id)
                    .thenReturn("redirect:/lead/communities/" + id)
                    .onErrorResume(ApiProblemException.class, problem -> refused(exchange,
                            goalForm(id, null, form.typed(), errors(problem, GOAL_FIELDS), model)));
        });
    }

    @GetMapping("/lead/communities/{id:[0-9a-fA-F-]{36}}/goals/{goalId:[0-9a-fA-F-]{36}}/edit")
    public Mono<String> edit(@PathVariable UUID id, @PathVariable UUID goalId, Model model, ServerWebExchange exchange) {
        return guard.leads(id, exchange).then(goal(id, goalId)).flatMap(goal -> goalForm(id, goal, goal.form(), FormErrors.none(), model));
    }

    @PostMapping("/lead/communities/{id:[0-9a-fA-F-]{36}}/goals/{goalId:[0-9a-fA-F-]{36}}")
    public Mono<String> update(@PathVariable UUID id, @PathVariable UUID goalId, Model model, ServerWebExchange exchange) {
        return exchange.getFormData().flatMap(data -> {
            FormValues form = FormValues.of(data, GOAL_FIELDS);
            Map<String, Object> patch = form.body(NUMBERS);
            patch.remove("metric"); // fixed once set: a different metric is a new goal
            String version = data.getFirst("version");
            Map<String, String> headers = version == null || version.isBlank() ? Map.of() : Map.of("If-Match", "\"" + version + "\"");
            return api.call(Service.COMMUNITY, HttpMethod.PATCH,
                            uri -> uri.path("/api/communities/{id}/goals/{goalId}").build(id, goalId), patch, headers)
                    .thenReturn("redirect:/lead/communities/" + id)
                    .onErrorResume(ApiProblemException.class, problem -> refused(exchange,
                            goal(id, goalId).flatMap(goal -> goalForm(id, goal, withMetricOf(goal, form.typed()), errors(problem, GOAL_FIELDS), model))));
        });
    }

    /** A check-in from the lead page: in place with htmx (the goal's row comes back), else back to the page. */
    @PostMapping("/lead/communities/{id:[0-9a-fA-F-]{36}}/goals/{goalId:[0-9a-fA-F-]{36}}/check-ins")
    public Mono<String> checkIn(@PathVariable UUID id, @PathVariable UUID goalId,
                                @RequestHeader(value = "HX-Request", required = false) String htmx,
                                Model model, ServerWebExchange exchange) {
        return exchange.getFormData().flatMap(data -> {
            FormValues form = FormValues.of(data, CHECK_IN_FIELDS);
            Mono<GoalDetail> checkedIn = api.post(Service.COMMUNITY, "/api/communities/{id}/goals/{goalId}/check-ins",
                    form.body(NUMBERS), id, goalId).map(response -> api.read(response, GoalDetail.class));
            if (htmx == null) {
                return checkedIn.thenReturn("redirect:/lead/communities/" + id);
            }
            return checkedIn.map(goal -> {
                        model.addAttribute("g", goal);
                        model.addAttribute("checkInSaved", true);
                        return goalRow(id, FormErrors.none(), Map.of(), model);
                    })
                    .onErrorResume(ApiProblemException.class, problem -> refused(exchange,
                            goal(id, goalId).map(goal -> {
                                model.addAttribute("g", goal);
                                return goalRow(id, errors(problem, CHECK_IN_FIELDS), form.typed(), model);
                            })));
        });
    }

    /** The metric's select is disabled when editing, so the browser does not send it: show the goal's own. */
    private static Map<String, String> withMetricOf(GoalDetail goal, Map<String, String> typed) {
        Map<String, String> form = new LinkedHashMap<>(typed);
        form.put("metric", goal.metric());
        return form;
    }

    private Mono<GoalDetail> goal(UUID id, UUID goalId) {
        return api.object(Service.COMMUNITY, GoalDetail.class, "/api/communities/{id}/goals/{goalId}", id, goalId);
    }

    private static String goalRow(UUID id, FormErrors errors, Map<String, String> typed, Model model) {
        model.addAttribute("community", Map.of("id", id));
        model.addAttribute("checkInErrors", errors);
        model.addAttribute("checkInForm", typed);
        return "lead/community :: goal";
    }

    private Mono<String> goalForm(UUID id, GoalDetail goal, Map<String, String> form, FormErrors errors, Model model) {
        return api.object(Service.COMMUNITY, CommunityDetail.class, "/api/communities/{id}", id).flatMap(community ->
                // The other leads by name: one choice per person ("Me" is the signed-in lead).
                reactor.core.publisher.Flux.fromIterable(community.leads())
                        .concatMap(lead -> Directory.name(api, lead).map(name -> Map.entry(lead, name)))
                        .collectMap(Map.Entry::getKey, Map.Entry::getValue)
                        .map(leadNames -> {
                            model.addAttribute("community", community);
                            model.addAttribute("leadNames", leadNames);
                            model.addAttribute("goal", goal);
                            model.addAttribute("form", form);
                            model.addAttribute("errors", plain(errors));
                            return "lead/goal-form";
                        }));
    }

    /** The goal form's labels, for its messages in plain words. */
    private static final Map<String, String> LABELS = Map.of("title", "Title", "metric", "What is measured",
            "target", "Target", "baseline", "Starting value", "unit", "Unit", "dueDate", "Due date", "ownerId", "Owner",
            "value", "Value", "comment", "Comment");

    private static FormErrors plain(FormErrors errors) {
        return errors.inPlainWords(LABELS);
    }

    private static FormErrors errors(ApiProblemException problem, List<String> fields) {
        return FormErrors.of(problem, Map.of(), Set.copyOf(fields));
    }

    private static Mono<String> refused(ServerWebExchange exchange, Mono<String> view) {
        exchange.getResponse().setStatusCode(HttpStatus.UNPROCESSABLE_CONTENT);
        return view;
    }
}
