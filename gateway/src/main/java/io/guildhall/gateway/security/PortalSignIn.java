package io.guildhall.gateway.security;

import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.DelegatingServerAuthenticationEntryPoint;
import org.springframework.security.web.server.DelegatingServerAuthenticationEntryPoint.DelegateEntry;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/**
 * What the portal does when someone is not (or no longer) signed in, or may not see a page.
 *
 * <p>A page opened without a session (never signed in, or the session expired) is remembered in the new
 * session and the browser goes to Keycloak; after sign-in Spring Security's request cache sends it back to
 * that page. An htmx request cannot follow a redirect to Keycloak's login form (it would swap the form into
 * the page), so it gets 401 with {@code HX-Redirect} to the page the user is on: htmx then navigates there,
 * which starts the sign-in above.
 */
public final class PortalSignIn {

    static final String HTMX_REQUEST = "HX-Request";
    static final String HTMX_CURRENT_URL = "HX-Current-URL";

    private PortalSignIn() {
    }

    static ServerAuthenticationEntryPoint entryPoint() {
        ServerWebExchangeMatcher htmx = exchange -> exchange.getRequest().getHeaders().containsHeader(HTMX_REQUEST)
                ? ServerWebExchangeMatcher.MatchResult.match() : ServerWebExchangeMatcher.MatchResult.notMatch();
        ServerAuthenticationEntryPoint htmxEntryPoint = (exchange, denied) -> {
            String current = exchange.getRequest().getHeaders().getFirst(HTMX_CURRENT_URL);
            exchange.getResponse().setStatusCode(HttpStatus.UNAUTHORIZED);
            exchange.getResponse().getHeaders().set("HX-Redirect", sameOriginPath(current));
            return exchange.getResponse().setComplete();
        };
        DelegatingServerAuthenticationEntryPoint entryPoint =
                new DelegatingServerAuthenticationEntryPoint(new DelegateEntry(htmx, htmxEntryPoint));
        entryPoint.setDefaultEntryPoint(new RedirectServerAuthenticationEntryPoint(
                "/oauth2/authorization/" + GatewaySecurityConfiguration.REGISTRATION));
        return entryPoint;
    }

    /** A refused page goes through the error pages (templates/error/403.html) instead of a bare text body. */
    static ServerAccessDeniedHandler accessDenied() {
        return (exchange, denied) -> Mono.error(new ResponseStatusException(HttpStatus.FORBIDDEN, "You may not open this page"));
    }

    /** Only a path of this site: the header is the client's word, and must not become an open redirect. */
    public static String sameOriginPath(String url) {
        if (url == null || url.isBlank()) {
            return "/";
        }
        int scheme = url.indexOf("://");
        String path = scheme < 0 ? url : url.substring(Math.max(url.indexOf('/', scheme + 3), scheme + 3));
        return path.startsWith("/") && !path.startsWith("//") ? path : "/";
    }
}
