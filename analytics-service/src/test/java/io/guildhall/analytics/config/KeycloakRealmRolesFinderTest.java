package io.guildhall.analytics.config;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class KeycloakRealmRolesFinderTest {

    private final KeycloakRealmRolesFinder finder = new KeycloakRealmRolesFinder();

    @Test
    void reads_the_realm_roles_of_a_keycloak_access_token() {
        Map<String, Object> claims = Map.of(
                "realm_access", Map.of("roles", List.of("employee", "community-lead")),
                "resource_access", Map.of("account", Map.of("roles", List.of("manage-account"))));

        assertEquals(List.of("employee", "community-lead"), finder.resolveRoles(claims));
    }

    @Test
    void a_token_without_realm_roles_has_no_roles() {
        assertEquals(List.of(), finder.resolveRoles(Map.of("sub", "service-account")));
        assertEquals(List.of(), finder.resolveRoles(Map.of("realm_access", Map.of())));
        assertEquals(List.of(), finder.resolveRoles(Map.of("realm_access", "employee")));
    }

    @Test
    void a_top_level_roles_claim_does_not_count() {
        assertEquals(List.of(), finder.resolveRoles(Map.of("roles", List.of("executive"))));
    }
}
