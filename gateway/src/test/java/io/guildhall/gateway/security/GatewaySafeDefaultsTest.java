package io.guildhall.gateway.security;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class GatewaySafeDefaultsTest {

    private final ApplicationContextRunner gateway = new ApplicationContextRunner()
            .withUserConfiguration(GatewaySafeDefaults.class);

    @Test
    void outside_dev_the_dev_realms_secret_and_an_insecure_cookie_stop_the_gateway_naming_both() {
        gateway.withPropertyValues("guildhall.profile=production",
                        "guildhall.gateway.oidc.client-secret=guildhall-gateway-secret",
                        "server.reactive.session.cookie.secure=false")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause()
                            .hasMessageContaining("GUILDHALL_GATEWAY_CLIENT_SECRET")
                            .hasMessageContaining("GUILDHALL_SESSION_COOKIE_SECURE");
                });
    }

    @Test
    void its_own_secret_and_a_secure_cookie_start_and_dev_accepts_the_development_setup() {
        gateway.withPropertyValues("guildhall.profile=production", "guildhall.gateway.oidc.client-secret=vault-entry",
                "server.reactive.session.cookie.secure=true").run(context -> assertThat(context).hasNotFailed());
        gateway.withPropertyValues("guildhall.profile=dev", "guildhall.gateway.oidc.client-secret=guildhall-gateway-secret",
                "server.reactive.session.cookie.secure=false").run(context -> assertThat(context).hasNotFailed());
    }
}
