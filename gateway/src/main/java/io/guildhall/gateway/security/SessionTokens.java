package io.guildhall.gateway.security;

import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;

/**
 * The portal's access to the session's tokens. Keycloak refusing a refresh (its session ended) stays an
 * {@link OAuth2AuthorizationException}, after which the person signs in again; Keycloak not answering at all (away,
 * timing out) becomes {@link SignInUnavailableException}, which the portal shows as such and which the services'
 * circuit breakers ignore.
 */
public final class SessionTokens {

    private SessionTokens() {
    }

    public static ReactiveOAuth2AuthorizedClientManager guarded(ReactiveOAuth2AuthorizedClientManager manager) {
        return request -> manager.authorize(request).onErrorMap(
                error -> !(error instanceof OAuth2AuthorizationException) && !(error instanceof SignInUnavailableException),
                SignInUnavailableException::new);
    }
}
