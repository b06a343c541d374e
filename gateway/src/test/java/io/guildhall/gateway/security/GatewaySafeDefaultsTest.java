package io.guildhall.gateway.security;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class GatewaySafeDefaultsTest {

    private final ApplicationContextRunner gateway = new ApplicationContextRunner()
            .withUserConfiguration(GatewaySafeDefaults.class);

    @Test
    void outsideDevTheDevRealmsSecretAndAnInsecureCookieStopTheGatewayNamingBoth() {
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
    void itsOwnSecretAndASecureCookieStartAndDevAcceptsTheDevelopmentSetup() {
        gateway.withPropertyValues("guildhall.profile=production", "guildhall.gateway.oidc.client-secret=vault-entry",
                "server.reactive.session.cookie.secure=true").run(context -> assertThat(context).hasNotFailed());
        gateway.withPropertyValues("guildhall.profile=dev", "guildhall.gateway.oidc.client-secret=guildhall-gateway-secret",
                "server.reactive.session.cookie.secure=false").run(context -> assertThat(context).hasNotFailed());
    }
}
