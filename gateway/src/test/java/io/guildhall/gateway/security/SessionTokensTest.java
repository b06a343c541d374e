package io.guildhall.gateway.security;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import java.net.ConnectException;
import java.net.URI;

class SessionTokensTest {

    private static final OAuth2AuthorizeRequest REQUEST = OAuth2AuthorizeRequest.withClientRegistrationId("keycloak")
            .principal("ada").build();

    @Test
    void keycloak_not_answering_a_refresh_is_sign_in_unavailable() {
        ReactiveOAuth2AuthorizedClientManager away = request -> Mono.error(new WebClientRequestException(
                new ConnectException("Connection refused"), HttpMethod.POST,
                URI.create("http://127.0.0.1:8180/realms/guildhall/protocol/openid-connect/token"), new HttpHeaders()));

        StepVerifier.create(SessionTokens.guarded(away).authorize(REQUEST))
                .expectError(SignInUnavailableException.class).verify();
    }

    @Test
    void keycloak_refusing_a_refresh_stays_a_refusal_so_the_person_signs_in_again() {
        ReactiveOAuth2AuthorizedClientManager ended = request -> Mono.error(
                new OAuth2AuthorizationException(new OAuth2Error("invalid_grant")));

        StepVerifier.create(SessionTokens.guarded(ended).authorize(REQUEST))
                .expectError(OAuth2AuthorizationException.class).verify();
    }
}
