package io.guildhall.gateway.security;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcReactiveOAuth2UserService;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.userinfo.ReactiveOAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Keycloak puts realm roles in the access token ({@code realm_access.roles}), not in the ID token: at sign-in
 * they become {@code ROLE_<role>} authorities of the portal's session, so pages and the security chain can
 * check them. The token came straight from Keycloak's token endpoint over the back channel, so reading its
 * payload without checking its signature again is safe; the services verify it on every call anyway.
 */
public class RealmRolesOidcUserService implements ReactiveOAuth2UserService<OidcUserRequest, OidcUser> {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final OidcReactiveOAuth2UserService delegate = new OidcReactiveOAuth2UserService();

    @Override
    public Mono<OidcUser> loadUser(OidcUserRequest request) throws OAuth2AuthenticationException {
        return delegate.loadUser(request).map(user -> {
            Set<GrantedAuthority> authorities = new LinkedHashSet<>(user.getAuthorities());
            realmRoles(request.getAccessToken().getTokenValue())
                    .forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role)));
            return new DefaultOidcUser(authorities, user.getIdToken(), user.getUserInfo(), IdTokenClaimNames.SUB);
        });
    }

    static Set<String> realmRoles(String accessToken) {
        Set<String> roles = new LinkedHashSet<>();
        String[] parts = accessToken.split("\\.");
        if (parts.length < 2) {
            return roles;
        }
        JsonNode payload = JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        payload.path("realm_access").path("roles").forEach(role -> roles.add(role.asString()));
        return roles;
    }
}
