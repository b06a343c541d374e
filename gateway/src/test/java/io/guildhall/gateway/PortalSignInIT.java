package io.guildhall.gateway;

import io.guildhall.gateway.portal.PortalBackends;
import io.guildhall.gateway.portal.SignedInPortal;
import io.guildhall.testsupport.PortalBrowser;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signing in to the portal the way a browser does, against the real Keycloak: authorization code with PKCE,
 * a server-side session whose cookie is all the browser gets, CSRF on sign-out, and sign-out ending the
 * Keycloak session too. Each test has a browser of its own, signed in step by step.
 */
class PortalSignInIT extends SignedInPortal {

    static final PortalBackends backends = PortalBackends.none(stack);

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        backends.register(registry);
    }

    @Test
    void grace_signs_in_with_pkce_and_the_browser_holds_only_a_session_cookie() {
        PortalBrowser browser = new PortalBrowser();
        HttpResponse<String> loginPage = browser.open(GATEWAY + "/session");
        assertThat(loginPage.uri().toString()).startsWith(stack.issuerUri() + "/protocol/openid-connect/auth")
                .contains("code_challenge=").contains("code_challenge_method=S256");

        HttpResponse<String> session = browser.signIn(GATEWAY + "/session", "grace", "demo");

        assertThat(session.statusCode()).as("%s %s", session.uri(), session.body()).isEqualTo(200);
        assertThat(session.uri().toString()).isEqualTo(GATEWAY + "/session");
        assertThat(session.body()).contains("\"username\":\"grace\"").doesNotContain("eyJ");
        assertThat(session.headers().firstValue("Content-Security-Policy").orElse("")).contains("frame-ancestors 'none'");
        assertThat(session.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(browser.cookies().setCookieHeader("SESSION").toLowerCase()).contains("httponly").contains("samesite=lax");
        assertThat(browser.cookies().value("SESSION")).doesNotStartWith("eyJ");
    }

    @Test
    void signing_out_needs_the_csrf_token_and_ends_the_keycloak_session_too() {
        PortalBrowser browser = new PortalBrowser();
        browser.signIn(GATEWAY + "/session", "ada", "demo");

        HttpResponse<String> forged = browser.send(HttpRequest.newBuilder(URI.create(GATEWAY + "/logout"))
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(forged.statusCode()).isEqualTo(403);

        HttpResponse<String> loggedOut = browser.send(HttpRequest.newBuilder(URI.create(GATEWAY + "/logout"))
                .header("X-XSRF-TOKEN", browser.cookies().value("XSRF-TOKEN"))
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(loggedOut.statusCode()).isEqualTo(302);
        assertThat(loggedOut.headers().firstValue("Location").orElse(""))
                .startsWith(stack.issuerUri() + "/protocol/openid-connect/logout").contains("id_token_hint=");
        browser.follow(loggedOut);

        // Both sessions are gone: the portal sends the browser to Keycloak's login form again.
        HttpResponse<String> again = browser.open(GATEWAY + "/session");
        assertThat(again.uri().toString()).startsWith(stack.issuerUri() + "/protocol/openid-connect/auth");
        assertThat(again.body()).contains("kc-form-login");
    }
}
