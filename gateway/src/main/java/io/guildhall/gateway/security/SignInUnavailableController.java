package io.guildhall.gateway.security;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.server.ServerWebExchange;

/** The page {@link SignInUnavailableFilter} shows instead of Keycloak's login form while Keycloak is away. */
@Controller
public class SignInUnavailableController {

    public static final String RETRY_AFTER_SECONDS = "30";

    @GetMapping(SignInUnavailableFilter.PAGE_PATH)
    public String signInUnavailable(ServerWebExchange exchange) {
        exchange.getResponse().setStatusCode(HttpStatus.SERVICE_UNAVAILABLE);
        exchange.getResponse().getHeaders().set("Retry-After", RETRY_AFTER_SECONDS);
        exchange.getResponse().getHeaders().setCacheControl("no-store");
        return "error/sign-in-unavailable";
    }
}
