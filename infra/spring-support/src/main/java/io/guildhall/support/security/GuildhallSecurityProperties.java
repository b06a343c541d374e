package io.guildhall.support.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/**
 * {@code guildhall.security.*}: the token issuer (Keycloak realm URL), the audience every token must name,
 * where its signing keys are (derived from the issuer unless set: containers reach Keycloak under another
 * host name than the one in the tokens) and the paths anyone may call (health, metrics, OpenAPI).
 */
@ConfigurationProperties("guildhall.security")
public record GuildhallSecurityProperties(String issuer, String audience, String jwkSetUri, List<String> publicPaths,
                                          List<String> additionalPublicPaths) {

    /** What a service opens beside the defaults (e.g. event-service's calendar feeds, whose secret URL is the credential). */
    public List<String> allPublicPaths() {
        return java.util.stream.Stream.concat(publicPaths.stream(), additionalPublicPaths.stream()).toList();
    }

    public GuildhallSecurityProperties {
        issuer = issuer == null ? "http://127.0.0.1:8180/realms/guildhall" : issuer;
        audience = audience == null ? "guildhall-api" : audience;
        jwkSetUri = jwkSetUri == null || jwkSetUri.isBlank() ? issuer + "/protocol/openid-connect/certs" : jwkSetUri;
        publicPaths = publicPaths == null ? List.of("/actuator/health", "/actuator/health/**", "/actuator/info",
                "/actuator/prometheus", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**",
                "/webjars/**") : publicPaths;
        additionalPublicPaths = additionalPublicPaths == null ? List.of() : additionalPublicPaths;
    }
}
