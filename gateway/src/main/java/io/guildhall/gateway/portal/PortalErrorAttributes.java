package io.guildhall.gateway.portal;

import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webflux.error.DefaultErrorAttributes;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.util.Map;

/**
 * Error pages that no portal handler rendered (an address nothing answers, say) keep the portal's frame too: the
 * signed-in person's navigation and their time zone. Boot's error handler renders {@code error/404} and friends
 * from these attributes; the person comes from the exchange, where {@link #remember} put them once Spring
 * Security had resolved them (the error handler itself runs outside the security chain's context).
 */
@Component
public class PortalErrorAttributes extends DefaultErrorAttributes {

    static final String AUTHENTICATION = PortalErrorAttributes.class.getName() + ".authentication";

    private final ViewerZones zones;

    public PortalErrorAttributes(ViewerZones zones) {
        this.zones = zones;
    }

    @Override
    public Map<String, Object> getErrorAttributes(ServerRequest request, ErrorAttributeOptions options) {
        Map<String, Object> attributes = super.getErrorAttributes(request, options);
        // Only for a page: an API's error body (JSON) never carries the person.
        boolean page = request.headers().accept().stream().anyMatch(MediaType.TEXT_HTML::isCompatibleWith);
        if (!page) {
            return attributes;
        }
        ServerWebExchange exchange = request.exchange();
        Authentication authentication = exchange.getAttribute(AUTHENTICATION);
        attributes.put("user", authentication == null ? null : PortalUser.of(authentication));
        attributes.put("viewer", zones.of(authentication, exchange));
        attributes.put("currentPath", request.path());
        return attributes;
    }

    /** Keeps the signed-in person on the exchange for an error page rendered later (after Spring Security's chain). */
    @Component
    @Order(0)
    static class Remember implements WebFilter {

        @Override
        public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
            return ReactiveSecurityContextHolder.getContext()
                    .mapNotNull(SecurityContext::getAuthentication)
                    .filter(Authentication::isAuthenticated)
                    .doOnNext(authentication -> exchange.getAttributes().put(AUTHENTICATION, authentication))
                    .then(chain.filter(exchange));
        }
    }
}
