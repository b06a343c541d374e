package io.guildhall.gateway.security;

import io.guildhall.devstack.Ports;
import io.guildhall.testsupport.PortalBrowser;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.client.circuitbreaker.ReactiveCircuitBreakerFactory;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keycloak away (drill e of issue 13): someone who opens the portal to sign in gets the portal's page saying that
 * signing in is not possible right now, with 503 and Retry-After, not a redirect to a login form that cannot load.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class KeycloakDownIT {

    // Nothing listens here: Keycloak is down.
    static final int CLOSED_PORT = Ports.free();

    @DynamicPropertySource
    static void keycloak(DynamicPropertyRegistry registry) {
        registry.add("guildhall.gateway.oidc.issuer", () -> "http://127.0.0.1:" + CLOSED_PORT + "/realms/guildhall");
    }

    @LocalServerPort
    int port;

    @Autowired
    ReactiveCircuitBreakerFactory<?, ?> breakers;

    @Autowired
    CircuitBreakerRegistry registry;

    @Test
    void a_new_sign_in_gets_a_clear_page_instead_of_an_unreachable_login_form() {
        HttpResponse<String> page = new PortalBrowser().open("http://127.0.0.1:" + port + "/events");

        assertThat(page.uri().getPort()).as("the browser stays on the portal").isEqualTo(port);
        assertThat(page.uri().getPath()).isEqualTo("/oauth2/authorization/keycloak");
        assertThat(page.statusCode()).isEqualTo(503);
        assertThat(page.headers().firstValue("Retry-After")).hasValue(SignInUnavailableController.RETRY_AFTER_SECONDS);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.body()).contains("Signing in is not possible right now")
                .contains("href=\"/oauth2/authorization/keycloak\"");
    }

    @Test
    void a_token_that_cannot_be_refreshed_while_keycloak_is_away_never_opens_a_services_circuit_breaker() {
        for (int i = 0; i < 60; i++) {
            StepVerifier.create(breakers.create("event").run(Mono.error(new SignInUnavailableException(
                    new java.net.ConnectException("Connection refused"))), Mono::error))
                    .expectError(SignInUnavailableException.class).verify();
        }
        io.github.resilience4j.circuitbreaker.CircuitBreaker event = registry.circuitBreaker("event");
        assertThat(event.getState()).isEqualTo(io.github.resilience4j.circuitbreaker.CircuitBreaker.State.CLOSED);
        assertThat(event.getMetrics().getNumberOfFailedCalls()).isZero();
    }

    @Test
    void the_page_itself_needs_no_session() {
        HttpResponse<String> page = new PortalBrowser().open("http://127.0.0.1:" + port + SignInUnavailableFilter.PAGE_PATH);
        assertThat(page.statusCode()).isEqualTo(503);
        assertThat(page.uri().getPath()).isEqualTo(SignInUnavailableFilter.PAGE_PATH);
    }
}
