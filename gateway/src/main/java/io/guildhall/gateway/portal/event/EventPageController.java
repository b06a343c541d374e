package io.guildhall.gateway.portal.event;

import io.guildhall.gateway.portal.Directory;
import io.guildhall.gateway.portal.Section;
import io.guildhall.gateway.portal.api.ApiClient;
import io.guildhall.gateway.portal.api.ApiProblemException;
import io.guildhall.gateway.portal.api.FormErrors;
import io.guildhall.gateway.portal.api.Service;
import io.guildhall.gateway.portal.community.CommunityDetail;
import io.guildhall.gateway.portal.organiser.Hosts;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * One event: what, when, where, seats; my answer (RSVP, waitlist position, withdraw) changed in place with htmx
 * and by plain form posts without it; the .ics download and the link to my calendar feed.
 */
@Controller
public class EventPageController {

    static final String RSVP_FRAGMENT = "events/detail :: rsvp";
    static final String CHECK_IN_FRAGMENT = "events/detail :: selfCheckIn";
    static final String FEEDBACK_FRAGMENT = "events/detail :: feedback";

    private final ApiClient api;
    private final Clock clock;

    public EventPageController(ApiClient api, Clock clock) {
        this.api = api;
        this.clock = clock;
    }

    @GetMapping("/events/{id}")
    public Mono<String> event(@PathVariable UUID id, Model model) {
        return page(id, null, model);
    }

    /**
     * The event as an iCalendar file to add once: event-service's entry (its online link only for those inside it)
     * with a link back to this page and the organiser by name ({@link CalendarEntry}).
     */
    @GetMapping("/events/{id}/calendar.ics")
    public Mono<ResponseEntity<String>> calendar(@PathVariable UUID id, ServerWebExchange exchange) {
        URI here = exchange.getRequest().getURI();
        String page = here.getScheme() + "://" + here.getRawAuthority() + "/events/" + id;
        return api.object(Service.EVENT, EventDetail.class, "/api/events/{id}", id)
                .flatMap(event -> Mono.zip(
                        api.call(Service.EVENT, HttpMethod.GET, uri -> uri.path("/api/events/{id}.ics").build(id), null,
                                Map.of(HttpHeaders.ACCEPT, "text/calendar")),
                        Directory.name(api, event.organiserId()))
                        .map(parts -> {
                            String name = parts.getT2().equals(event.organiserId()) ? null : parts.getT2();
                            return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/calendar;charset=UTF-8"))
                                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"event-" + id + ".ics\"")
                                    .body(CalendarEntry.withPortal(String.valueOf(parts.getT1().body()), page, name,
                                            event.organiserId()));
                        }));
    }

    /**
     * Gives or changes the viewer's rating (1-5) and comment; in place with htmx (the feedback card comes back, a
     * refusal at its field in plain words), back to the page without it.
     */
    @PostMapping("/events/{id}/feedback")
    public Mono<String> feedback(@PathVariable UUID id, ServerWebExchange exchange, Model model) {
        boolean htmx = exchange.getRequest().getHeaders().containsHeader("HX-Request");
        return exchange.getFormData().flatMap(form -> {
            String rating = form.getFirst("rating") == null ? "" : form.getFirst("rating").trim();
            String comment = form.getFirst("comment") == null ? "" : form.getFirst("comment");
            model.addAttribute("feedbackForm", Map.of("rating", rating, "comment", comment));
            Map<String, Object> body = new java.util.LinkedHashMap<>();
            body.put("rating", rating.matches("[1-5]") ? Integer.valueOf(rating) : null);
            body.put("comment", comment.isBlank() ? null : comment);
            HttpMethod method = "change".equals(form.getFirst("action")) ? HttpMethod.PUT : HttpMethod.POST;
            return api.call(Service.EVENT, method, uri -> uri.path("/api/events/{id}/feedback").build(id), body, Map.of())
                    .then(Mono.just(FormErrors.none()))
                    .onErrorResume(ApiProblemException.class, e -> e.status() == 401 ? Mono.error(e)
                            : Mono.just(FormErrors.of(e, Map.of(), Set.of("rating", "comment"))
                                    .inPlainWords(Map.of("rating", "Rating", "comment", "Comment"))))
                    .flatMap(errors -> {
                        if (errors.isEmpty() && !htmx) {
                            return Mono.just("redirect:/events/" + id);
                        }
                        model.addAttribute("feedbackErrors", errors);
                        if (errors.isEmpty()) {
                            model.addAttribute("feedbackSaved", "Thank you: the organiser sees your rating without your name.");
                        } else {
                            exchange.getResponse().setStatusCode(HttpStatus.UNPROCESSABLE_CONTENT);
                        }
                        return page(id, null, model).map(view -> htmx ? FEEDBACK_FRAGMENT : view);
                    });
        });
    }

    /** GOING or NOT_GOING from the buttons; answers with the RSVP fragment (htmx) or the page again (plain form). */
    @PostMapping("/events/{id}/rsvp")
    public Mono<String> answer(@PathVariable UUID id, ServerWebExchange exchange, Model model) {
        return exchange.getFormData().flatMap(form -> {
            String status = "NOT_GOING".equals(form.getFirst("status")) ? "NOT_GOING" : "GOING";
            return respond(id, api.call(Service.EVENT, HttpMethod.PUT, uri -> uri.path("/api/events/{id}/rsvp").build(id),
                    Map.of("status", status), Map.of()), exchange, model);
        });
    }

    @PostMapping("/events/{id}/rsvp/withdraw")
    public Mono<String> withdraw(@PathVariable UUID id, ServerWebExchange exchange, Model model) {
        return respond(id, api.delete(Service.EVENT, "/api/events/{id}/rsvp", id), exchange, model);
    }

    /**
     * An attendee checks herself in with the code the organiser shows at the door; a wrong code is shown at the
     * code's field, with what she typed.
     */
    @PostMapping("/events/{id}/check-in")
    public Mono<String> checkIn(@PathVariable UUID id, ServerWebExchange exchange, Model model) {
        boolean htmx = exchange.getRequest().getHeaders().containsHeader("HX-Request");
        return exchange.getFormData().flatMap(form -> {
            String code = form.getFirst("code") == null ? "" : form.getFirst("code").trim();
            model.addAttribute("form", Map.of("code", code));
            return api.post(Service.EVENT, "/api/events/{id}/check-ins", Map.of("code", code), id)
                    .doOnNext(done -> model.addAttribute("checkedIn", "You are checked in: "
                            + done.bodyAsMap().get("minutes") + " minutes count towards your participation."))
                    .then(Mono.just(FormErrors.none()))
                    .onErrorResume(ApiProblemException.class, e -> e.status() == 401 ? Mono.error(e)
                            : Mono.just(FormErrors.of(e, Map.of(), Set.of("code"))))
                    .flatMap(errors -> {
                        model.addAttribute("errors", errors);
                        if (!errors.isEmpty()) {
                            exchange.getResponse().setStatusCode(HttpStatus.UNPROCESSABLE_ENTITY);
                        }
                        return page(id, null, model).map(view -> htmx ? CHECK_IN_FRAGMENT : view);
                    });
        });
    }

    /**
     * The self check-in's window: from 30 minutes before the start to the end (a check-in after the end counts no
     * minute and the service refuses it, pointing to the organiser), so the card is offered only then.
     */
    static boolean checkInOpen(EventDetail event, Instant now) {
        if (event.isCancelled()) {
            return false;
        }
        Instant starts = event.startsAt();
        Instant ends = event.endsAt();
        return !now.isBefore(starts.minus(Duration.ofMinutes(30))) && now.isBefore(ends);
    }

    /**
     * After a change: a plain form goes back to the page (post/redirect/get); htmx gets the new RSVP box. A refusal
     * (deadline passed, event cancelled) is shown in the box, with 422 so that htmx swaps it in.
     */
    private Mono<String> respond(UUID id, Mono<?> change, ServerWebExchange exchange, Model model) {
        boolean htmx = exchange.getRequest().getHeaders().containsHeader("HX-Request");
        return change.then(Mono.just(""))
                .onErrorResume(ApiProblemException.class, e -> e.status() == 401 ? Mono.error(e) : Mono.just(message(e)))
                .flatMap(problem -> {
                    if (problem.isEmpty() && !htmx) {
                        return Mono.just("redirect:/events/" + id);
                    }
                    if (!problem.isEmpty()) {
                        exchange.getResponse().setStatusCode(HttpStatus.UNPROCESSABLE_ENTITY);
                    }
                    return page(id, problem.isEmpty() ? null : problem, model).map(view -> {
                        if (htmx && problem.isEmpty() && model.getAttribute("rsvp") instanceof RsvpState state) {
                            exchange.getResponse().getHeaders().set("HX-Trigger",
                                    "{\"guildhall:toast\":\"" + state.toast() + "\"}");
                        }
                        return htmx ? RSVP_FRAGMENT : view;
                    });
                });
    }

    private Mono<String> page(UUID id, String problem, Model model) {
        return api.object(Service.EVENT, EventDetail.class, "/api/events/{id}", id)
                .flatMap(event -> Mono.zip(myAnswer(id), community(event), Directory.name(api, event.organiserId()),
                        Section.guard(GoingPeople.of(api, id)),
                        Hosts.of(api, id).onErrorResume(e -> Mono.just(java.util.List.of())),
                        Section.guard(FeedbackState.of(api, event, Instant.now(clock)))).map(parts -> {
                    model.addAttribute("event", event);
                    // The directory's name, or nothing when it does not know the organiser (never their id).
                    model.addAttribute("host", parts.getT3().equals(event.organiserId()) ? null : parts.getT3());
                    model.addAttribute("rsvp", RsvpState.of(event, parts.getT1().orElse(null), problem, Instant.now(clock)));
                    model.addAttribute("community", parts.getT2());
                    model.addAttribute("goingPeople", parts.getT4());
                    model.addAttribute("coHosts", parts.getT5().stream().map(Hosts.Host::name).toList());
                    model.addAttribute("feedback", parts.getT6());
                    // Someone who may give feedback was checked in: the check-in card says so instead of asking again.
                    model.addAttribute("alreadyCheckedIn", parts.getT6().available() && parts.getT6().data().mayGive());
                    model.addAttribute("now", Instant.now(clock));
                    model.addAttribute("checkInOpen", checkInOpen(event, Instant.now(clock)));
                    return "events/detail";
                }));
    }

    private static String message(ApiProblemException e) {
        return e.detail() != null ? e.detail() : e.title() != null ? e.title() : "Refused (" + e.status() + ")";
    }

    /** My answer, or empty when I have not answered (the API's 404). */
    private Mono<Optional<RsvpAnswer>> myAnswer(UUID id) {
        return api.object(Service.EVENT, RsvpAnswer.class, "/api/events/{id}/rsvp", id).map(Optional::of)
                .onErrorResume(ApiProblemException.class, e -> e.status() == 404 ? Mono.just(Optional.empty()) : Mono.error(e));
    }

    private Mono<Section<CommunityDetail>> community(EventDetail event) {
        UUID communityId = event.communityId();
        return communityId == null ? Mono.just(Section.unavailable("none"))
                : Section.guard(api.object(Service.COMMUNITY, CommunityDetail.class, "/api/communities/{id}", communityId));
    }
}
