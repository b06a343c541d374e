package io.guildhall.analytics.config;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Where analytics fetches the realm's keys: the issuer's certs endpoint, unless GUILDHALL_JWK_SET_URI names another
 * address (in containers the issuer is the browser's localhost, Keycloak is reached by its service name).
 */
class JwksAddressTest {

    static final String KEY = "micronaut.security.token.jwt.signatures.jwks.keycloak.url";

    static String jwksUrl(Map<String, Object> properties) {
        try (ApplicationContext context = ApplicationContext.builder().properties(properties).build()) {
            Environment environment = context.getEnvironment().start();
            return environment.getProperty(KEY, String.class).orElseThrow();
        }
    }

    @Test
    void by_default_the_keys_come_from_the_issuer() {
        assertEquals("https://id.example.org/realms/guildhall/protocol/openid-connect/certs",
                jwksUrl(Map.of("GUILDHALL_ISSUER", "https://id.example.org/realms/guildhall")));
    }

    @Test
    void an_installation_can_fetch_them_from_elsewhere_while_the_issuer_stays() {
        Map<String, Object> properties = Map.of("GUILDHALL_ISSUER", "http://localhost:8180/realms/guildhall",
                "GUILDHALL_JWK_SET_URI", "http://keycloak:8180/realms/guildhall/protocol/openid-connect/certs");

        assertEquals("http://keycloak:8180/realms/guildhall/protocol/openid-connect/certs", jwksUrl(properties));
    }
}
