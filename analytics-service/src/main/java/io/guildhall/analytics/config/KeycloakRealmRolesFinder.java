package io.guildhall.analytics.config;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.security.token.DefaultRolesFinder;
import io.micronaut.security.token.RolesFinder;
import jakarta.inject.Singleton;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Keycloak puts realm roles in a nested claim, {@code realm_access.roles}, which the default finder cannot reach. */
@Singleton
@Replaces(DefaultRolesFinder.class)
public class KeycloakRealmRolesFinder implements RolesFinder {

    static final String REALM_ACCESS = "realm_access";
    static final String ROLES = "roles";

    @Override
    public List<String> resolveRoles(Map<String, Object> attributes) {
        if (attributes == null
                || !(attributes.get(REALM_ACCESS) instanceof Map<?, ?> realmAccess)
                || !(realmAccess.get(ROLES) instanceof Collection<?> roles)) {
            return List.of();
        }
        return roles.stream().filter(Objects::nonNull).map(Object::toString).toList();
    }
}
