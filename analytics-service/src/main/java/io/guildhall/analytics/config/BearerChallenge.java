package io.guildhall.analytics.config;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.WwwAuthenticateChallengeProvider;
import jakarta.inject.Singleton;

/** RFC 6750: a rejected request learns that this resource server wants a bearer token. */
@Singleton
public class BearerChallenge implements WwwAuthenticateChallengeProvider<HttpRequest<?>> {

    @Override
    public String getWwwAuthenticateChallenge(HttpRequest<?> request) {
        return "Bearer realm=\"guildhall\"";
    }
}
