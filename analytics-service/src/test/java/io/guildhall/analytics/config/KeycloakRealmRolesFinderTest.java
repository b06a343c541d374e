package io.guildhall.analytics.config;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class KeycloakRealmRolesFinderTest {

    private final KeycloakRealmRolesFinder finder = new KeycloakRealmRolesFinder();

    @Test
    void readsTheRealmRolesOfAKeycloakAccessToken() {
        Map<String, Object> claims = Map.of(
                "realm_access", Map.of("roles", List.of("employee", "community-lead")),
                "resource_access", Map.of("account", Map.of("roles", List.of("manage-account"))));

        assertEquals(List.of("employee", "community-lead"), finder.resolveRoles(claims));
    }

    @Test
    void aTokenWithoutRealmRolesHasNoRoles() {
        assertEquals(List.of(), finder.resolveRoles(Map.of("sub", "service-account")));
        assertEquals(List.of(), finder.resolveRoles(Map.of("realm_access", Map.of())));
        assertEquals(List.of(), finder.resolveRoles(Map.of("realm_access", "employee")));
    }

    @Test
    void aTopLevelRolesClaimDoesNotCount() {
        assertEquals(List.of(), finder.resolveRoles(Map.of("roles", List.of("executive"))));
    }
}
