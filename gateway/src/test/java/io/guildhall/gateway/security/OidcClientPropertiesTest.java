package io.guildhall.gateway.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Browsers go to the issuer; the gateway's own calls go to the backchannel address when there is one. */
class OidcClientPropertiesTest {

    @Test
    void without_a_backchannel_every_endpoint_is_the_issuers() {
        OidcClientProperties oidc = new OidcClientProperties("http://localhost:8180/realms/guildhall", null, "s", " ");

        assertThat(oidc.backchannel()).isEqualTo("http://localhost:8180/realms/guildhall");
        assertThat(oidc.backchannelEndpoint("token")).isEqualTo(oidc.endpoint("token"));
    }

    @Test
    void in_containers_browsers_sign_in_at_the_issuer_and_the_gateway_fetches_tokens_and_keys_inside_the_network() {
        OidcClientProperties oidc = new OidcClientProperties("http://localhost:8180/realms/guildhall", "guildhall-gateway", "s",
                "http://keycloak:8180/realms/guildhall");

        assertThat(oidc.endpoint("auth")).isEqualTo("http://localhost:8180/realms/guildhall/protocol/openid-connect/auth");
        assertThat(oidc.backchannelEndpoint("token")).isEqualTo("http://keycloak:8180/realms/guildhall/protocol/openid-connect/token");
        assertThat(oidc.backchannelEndpoint("certs")).startsWith("http://keycloak:8180/");
        assertThat(oidc.origin()).isEqualTo("http://localhost:8180");
    }

    @Test
    void a_missing_client_secret_is_refused_naming_its_variable() {
        assertThatThrownBy(() -> new OidcClientProperties(null, null, "", null))
                .hasMessageContaining("GUILDHALL_GATEWAY_CLIENT_SECRET");
    }
}
