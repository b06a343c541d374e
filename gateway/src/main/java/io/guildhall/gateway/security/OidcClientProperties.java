package io.guildhall.gateway.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The gateway's OIDC client at Keycloak ({@code guildhall.gateway.oidc.*}). Endpoints are derived from the
 * issuer rather than discovered, so the gateway starts before Keycloak does. {@code backchannel} is the realm's
 * address as the gateway itself reaches it (token, keys, user info), when that differs from the issuer that
 * browsers are sent to (containers: {@code http://keycloak:8180/realms/guildhall}); by default the issuer.
 */
@ConfigurationProperties("guildhall.gateway.oidc")
public record OidcClientProperties(String issuer, String clientId, String clientSecret, String backchannel) {

    public OidcClientProperties {
        issuer = issuer == null || issuer.isBlank() ? "http://127.0.0.1:8180/realms/guildhall" : issuer;
        backchannel = backchannel == null || backchannel.isBlank() ? issuer : backchannel;
        clientId = clientId == null || clientId.isBlank() ? "guildhall-gateway" : clientId;
        if (clientSecret == null || clientSecret.isBlank()) {
            throw new IllegalArgumentException("guildhall.gateway.oidc.client-secret (GUILDHALL_GATEWAY_CLIENT_SECRET) is not set");
        }
    }

    /** An endpoint browsers are sent to (sign-in, sign-out). */
    String endpoint(String name) {
        return issuer + "/protocol/openid-connect/" + name;
    }

    /** An endpoint the gateway calls itself (token, keys, user info). */
    String backchannelEndpoint(String name) {
        return backchannel + "/protocol/openid-connect/" + name;
    }

    /** scheme://host:port of Keycloak, for the portal's form-action policy. */
    String origin() {
        int path = issuer.indexOf('/', issuer.indexOf("//") + 2);
        return path < 0 ? issuer : issuer.substring(0, path);
    }
}
