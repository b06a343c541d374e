package io.guildhall.gateway.security;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * A sign-in while Keycloak is away gets the portal's own page saying so (503, {@code Retry-After}), not a redirect to
 * a login form the browser cannot reach. People already signed in are not affected: their session holds their
 * tokens, and the services check those with keys they already fetched. Runs before Spring Security's chain (order
 * -100), on the one path that starts a sign-in, so an unavailable Keycloak costs nobody else a probe.
 */
@Component
@Order(-200)
public class SignInUnavailableFilter implements WebFilter {

    static final String SIGN_IN_PATH = "/oauth2/authorization/";
    static final String PAGE_PATH = "/sign-in-unavailable";

    private final SignInAvailability keycloak;

    public SignInUnavailableFilter(SignInAvailability keycloak) {
        this.keycloak = keycloak;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (exchange.getRequest().getMethod() != HttpMethod.GET
                || !exchange.getRequest().getPath().pathWithinApplication().value().startsWith(SIGN_IN_PATH)) {
            return chain.filter(exchange);
        }
        return keycloak.available().flatMap(up -> up ? chain.filter(exchange)
                : chain.filter(exchange.mutate().request(request -> request.path(PAGE_PATH)).build()));
    }
}
