package io.guildhall.membership;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Creates uniquely named Keycloak users (and notes the groups tests cause) and removes them all afterwards. */
public final class KeycloakTestUsers {

    public static final String PASSWORD = "test-" + UUID.randomUUID();

    private final Keycloak admin;
    private final RealmResource realm;
    private final List<String> users = new ArrayList<>();
    private final List<String> groupPaths = new ArrayList<>();

    public KeycloakTestUsers(String keycloakUrl) {
        admin = KeycloakBuilder.builder().serverUrl(keycloakUrl).realm("guildhall")
                .grantType(OAuth2Constants.CLIENT_CREDENTIALS).clientId("guildhall-membership")
                .clientSecret("guildhall-membership-secret").build();
        realm = admin.realm("guildhall");
    }

    public RealmResource realm() {
        return realm;
    }

    public record TestUser(String id, String username) {
    }

    /** An enabled employee with a password (so it can sign in) and the given attributes. */
    public synchronized TestUser create(String prefix, Map<String, List<String>> attributes) {
        String username = (prefix + "-" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase();
        UserRepresentation user = new UserRepresentation();
        user.setUsername(username);
        user.setEnabled(true);
        user.setEmail(username + "@example.test");
        user.setEmailVerified(true);
        user.setFirstName("Test");
        user.setLastName(username);
        user.setAttributes(attributes);
        CredentialRepresentation password = new CredentialRepresentation();
        password.setType(CredentialRepresentation.PASSWORD);
        password.setValue(PASSWORD);
        password.setTemporary(false);
        user.setCredentials(List.of(password));
        String id;
        try (Response response = realm.users().create(user)) {
            id = CreatedResponseUtil.getCreatedId(response);
        }
        users.add(id);
        realm.users().get(id).roles().realmLevel().add(List.of(realm.roles().get("employee").toRepresentation()));
        return new TestUser(id, username);
    }

    public void grantRealmRole(String id, String role) {
        realm.users().get(id).roles().realmLevel().add(List.of(realm.roles().get(role).toRepresentation()));
    }

    public void update(String id, java.util.function.Consumer<UserRepresentation> change) {
        UserRepresentation user = realm.users().get(id).toRepresentation();
        change.accept(user);
        realm.users().get(id).update(user);
    }

    public void delete(String id) {
        try (Response ignored = realm.users().delete(id)) {
            users.remove(id);
        }
    }

    public boolean hasRealmRole(String userId, String role) {
        return realm.users().get(userId).roles().realmLevel().listAll().stream().anyMatch(r -> role.equals(r.getName()));
    }

    public List<String> groupPaths(String userId) {
        return realm.users().get(userId).groups().stream().map(GroupRepresentation::getPath).toList();
    }

    /**
     * A group the test causes to exist, removed at every clean-up: kept on the list because a later test class's
     * mirror run may recreate the group of an earlier class's community that still has members.
     */
    public synchronized void noteGroup(String path) {
        groupPaths.add(path);
    }

    public synchronized void cleanUp() {
        for (String id : List.copyOf(users)) {
            try (Response ignored = realm.users().delete(id)) {
                users.remove(id);
            } catch (RuntimeException e) {
                System.err.println("Could not delete test user " + id + ": " + e);
            }
        }
        for (String path : List.copyOf(groupPaths)) {
            try {
                realm.groups().group(realm.getGroupByPath(path).getId()).remove();
            } catch (NotFoundException e) {
                // never created, or removed by an earlier clean-up
            }
        }
    }
}
