package io.guildhall.gateway.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The gateway's OIDC client at Keycloak ({@code guildhall.gateway.oidc.*}). Endpoints are derived from the
 * issuer rather than discovered, so the gateway starts before Keycloak does.
 */
@ConfigurationProperties("guildhall.gateway.oidc")
public record OidcClientProperties(String issuer, String clientId, String clientSecret) {

    public OidcClientProperties {
        issuer = issuer == null || issuer.isBlank() ? "http://127.0.0.1:8180/realms/guildhall" : issuer;
        clientId = clientId == null || clientId.isBlank() ? "guildhall-gateway" : clientId;
        if (clientSecret == null || clientSecret.isBlank()) {
            throw new IllegalArgumentException("guildhall.gateway.oidc.client-secret (GUILDHALL_GATEWAY_CLIENT_SECRET) is not set");
        }
    }

    String endpoint(String name) {
        return issuer + "/protocol/openid-connect/" + name;
    }

    /** scheme://host:port of Keycloak, for the portal's form-action policy. */
    String origin() {
        int path = issuer.indexOf('/', issuer.indexOf("//") + 2);
        return path < 0 ? issuer : issuer.substring(0, path);
    }
}
