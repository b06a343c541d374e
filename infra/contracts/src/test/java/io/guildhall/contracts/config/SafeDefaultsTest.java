package io.guildhall.contracts.config;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SafeDefaultsTest {

    private static SafeDefaults gateway(String profile, String secret, String cookieSecure) {
        return SafeDefaults.forProfile(profile)
                .secret("guildhall.gateway.oidc.client-secret", "GUILDHALL_GATEWAY_CLIENT_SECRET", secret)
                .on("server.reactive.session.cookie.secure", "GUILDHALL_SESSION_COOKIE_SECURE", cookieSecure);
    }

    @Test
    void outside_dev_every_development_value_and_an_insecure_cookie_is_refused_by_name() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> gateway(null, "guildhall-gateway-secret", "false").require("gateway"));
        assertTrue(refused.getMessage().contains("profile 'production'"), refused.getMessage());
        assertTrue(refused.getMessage().contains("GUILDHALL_GATEWAY_CLIENT_SECRET"), refused.getMessage());
        assertTrue(refused.getMessage().contains("GUILDHALL_SESSION_COOKIE_SECURE"), refused.getMessage());
        assertTrue(refused.getMessage().contains("GUILDHALL_PROFILE=dev"), refused.getMessage());
        assertEquals(2, gateway("production", "guildhall-gateway-secret", "false").problems().size());
        assertEquals(1, gateway("staging", "", "true").problems().size(), "an empty secret is no secret either");
    }

    @Test
    void an_installations_own_values_pass_and_dev_accepts_the_development_ones() {
        assertDoesNotThrow(() -> gateway("production", "s3cr3t-from-the-vault", "true").require("gateway"));
        assertDoesNotThrow(() -> gateway("dev", "guildhall-gateway-secret", "false").require("gateway"));
        assertDoesNotThrow(() -> gateway("DEV", "guildhall-gateway-secret", null).require("gateway"));
        assertTrue(SafeDefaults.forProfile("dev").dev());
        assertTrue(!SafeDefaults.forProfile("").dev(), "nothing set means production");
    }
}
