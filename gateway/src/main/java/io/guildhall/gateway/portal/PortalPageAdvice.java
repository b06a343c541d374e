package io.guildhall.gateway.portal;

import io.guildhall.gateway.security.SignInUnavailableController;
import io.guildhall.gateway.security.SignInUnavailableException;
import io.guildhall.gateway.portal.api.ApiClient;
import io.guildhall.gateway.portal.api.ApiProblemException;
import io.guildhall.gateway.portal.api.Service;
import io.guildhall.gateway.portal.community.MyCommunities;
import io.guildhall.gateway.portal.api.ServiceUnavailableException;
import io.guildhall.gateway.security.PortalSignIn;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.security.Principal;


/**
 * What every portal page gets: the signed-in person ({@code user}), the current path, and the friendly pages for a service that is down, a resource that is not
 * there, or a session whose token can no longer be refreshed.
 */
@ControllerAdvice(basePackages = "io.guildhall.gateway.portal")
public class PortalPageAdvice {

    private final ViewerZones zones;
    private final ApiClient api;

    public PortalPageAdvice(ViewerZones zones, ApiClient api) {
        this.zones = zones;
        this.api = api;
    }

    /**
     * Whether the navigation offers "Lead": to admins, and to people who lead a community (membership-service's
     * word, which also covers a person who started a community without holding the realm role); while
     * membership-service is not answering, to holders of the realm role community-lead.
     */
    @ModelAttribute("leadsSomething")
    Mono<Boolean> leadsSomething(Principal principal) {
        PortalUser user = user(principal);
        if (user == null || !user.isEmployee() || user.isAdmin()) {
            return Mono.just(user != null && user.isAdmin());
        }
        return api.object(Service.MEMBERSHIP, MyCommunities.class, "/api/me/communities")
                .map(mine -> !mine.led().isEmpty())
                .onErrorResume(e -> Mono.just(user.isLead()));
    }

    /** Where the viewer is, for every time a page shows ({@code ${viewer}}). */
    @ModelAttribute("viewer")
    Viewer viewer(Principal principal, ServerWebExchange exchange) {
        return zones.of(principal instanceof Authentication authentication ? authentication : null, exchange);
    }

    /** Resolved before the handler runs (a Principal argument), so templates and handlers see a plain value. */
    @ModelAttribute("user")
    PortalUser user(Principal principal) {
        return principal instanceof Authentication authentication ? PortalUser.of(authentication) : null;
    }

    /** For the navigation's aria-current and the "try again" links. */
    @ModelAttribute("currentPath")
    String currentPath(ServerWebExchange exchange) {
        return exchange.getRequest().getPath().value();
    }

    @ExceptionHandler(ServiceUnavailableException.class)
    Mono<Rendering> unavailable(ServiceUnavailableException e, ServerWebExchange exchange) {
        exchange.getResponse().getHeaders().set("Retry-After", "5");
        return framed(Rendering.view("error/service-unavailable").status(HttpStatus.SERVICE_UNAVAILABLE)
                .modelAttribute("service", e.service().id()), exchange);
    }

    /**
     * An error page keeps the portal's frame: the navigation of the signed-in person, and times in their zone (an
     * exception handler's model has none of the attributes above).
     */
    private Mono<Rendering> framed(Rendering.Builder<?> page, ServerWebExchange exchange) {
        page.modelAttribute("currentPath", currentPath(exchange));
        return exchange.getPrincipal()
                .flatMap(principal -> leadsSomething(principal).map(leads -> page.modelAttribute("user", user(principal))
                        .modelAttribute("leadsSomething", leads)
                        .modelAttribute("viewer", viewer(principal, exchange)).build()))
                .switchIfEmpty(Mono.fromSupplier(() -> page.modelAttribute("viewer", viewer(null, exchange)).build()));
    }

    @ExceptionHandler(ApiProblemException.class)
    Mono<Rendering> refused(ApiProblemException e, ServerWebExchange exchange) {
        if (e.status() == 401) {
            return signInAgain(exchange);
        }
        HttpStatus status = HttpStatus.resolve(e.status()) == null ? HttpStatus.BAD_REQUEST : HttpStatus.valueOf(e.status());
        String view = status == HttpStatus.NOT_FOUND ? "error/404" : status == HttpStatus.FORBIDDEN ? "error/403" : "error/4xx";
        return framed(Rendering.view(view).status(status)
                .modelAttribute("status", status.value())
                .modelAttribute("message", e.detail() != null ? e.detail() : e.title())
                .modelAttribute("path", exchange.getRequest().getPath().value()), exchange);
    }

    /**
     * The session's token expired and Keycloak is away, so it cannot be refreshed: the sign-in-unavailable page,
     * saying so; the session stays, and works again once Keycloak answers.
     */
    @ExceptionHandler(SignInUnavailableException.class)
    Rendering signInUnavailable(SignInUnavailableException e, ServerWebExchange exchange) {
        exchange.getResponse().getHeaders().set("Retry-After", SignInUnavailableController.RETRY_AFTER_SECONDS);
        return Rendering.view("error/sign-in-unavailable").status(HttpStatus.SERVICE_UNAVAILABLE)
                .modelAttribute("expired", true).build();
    }

    /** The session's token could not be refreshed (Keycloak's session ended): sign in again, then come back. */
    @ExceptionHandler(OAuth2AuthorizationException.class)
    Mono<Rendering> expired(OAuth2AuthorizationException e, ServerWebExchange exchange) {
        return signInAgain(exchange);
    }

    private static Mono<Rendering> signInAgain(ServerWebExchange exchange) {
        boolean htmx = exchange.getRequest().getHeaders().containsHeader("HX-Request");
        String path = htmx ? PortalSignIn.sameOriginPath(exchange.getRequest().getHeaders().getFirst("HX-Current-URL"))
                : exchange.getRequest().getMethod().matches("GET") ? exchange.getRequest().getURI().getRawPath()
                        + (exchange.getRequest().getURI().getRawQuery() == null ? "" : "?" + exchange.getRequest().getURI().getRawQuery())
                : "/";
        return exchange.getSession().flatMap(session -> session.invalidate())
                .then(Mono.fromSupplier(() -> {
                    if (htmx) {
                        // An XMLHttpRequest would follow a redirect to Keycloak and fail; this header makes htmx navigate.
                        exchange.getResponse().getHeaders().set("HX-Redirect", path);
                        return Rendering.view("fragments/unavailable :: signin").status(HttpStatus.UNAUTHORIZED).build();
                    }
                    return Rendering.redirectTo(path).build();
                }));
    }
}
