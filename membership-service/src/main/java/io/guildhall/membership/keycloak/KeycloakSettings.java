package io.guildhall.membership.keycloak;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * How this service reaches Keycloak's admin API: the realm URL (the token issuer, GUILDHALL_ISSUER) and the
 * service-account client guildhall-membership (GUILDHALL_KEYCLOAK_CLIENT_ID / GUILDHALL_KEYCLOAK_CLIENT_SECRET).
 */
@ConfigurationProperties("guildhall.keycloak")
public record KeycloakSettings(String issuer, String clientId, String clientSecret, Duration timeout) {

    private static final String REALMS = "/realms/";

    public KeycloakSettings {
        if (issuer == null || !issuer.contains(REALMS)) {
            throw new IllegalArgumentException("guildhall.keycloak.issuer must be a realm URL like "
                    + "http://127.0.0.1:8180/realms/guildhall but was " + issuer);
        }
        timeout = timeout == null ? Duration.ofSeconds(5) : timeout;
    }

    public String serverUrl() {
        return issuer.substring(0, issuer.lastIndexOf(REALMS));
    }

    public String realm() {
        String realm = issuer.substring(issuer.lastIndexOf(REALMS) + REALMS.length());
        return realm.endsWith("/") ? realm.substring(0, realm.length() - 1) : realm;
    }
}
