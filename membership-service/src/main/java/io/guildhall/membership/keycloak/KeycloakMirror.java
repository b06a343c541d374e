package io.guildhall.membership.keycloak;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.resource.GroupResource;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;

import java.util.List;

/**
 * The blocking Keycloak side of the mirror: makes a user's realm role community-lead and membership of a
 * community group match what is wanted. Each method is idempotent: it reads first and changes only what differs.
 */
public class KeycloakMirror {

    public static final String LEAD_ROLE = "community-lead";
    public static final String PARENT_GROUP = "communities";

    private final RealmResource realm;

    public KeycloakMirror(RealmResource realm) {
        this.realm = realm;
    }

    /** False when the user no longer exists in Keycloak (nothing to mirror then). */
    public boolean reconcileLeadRole(String userId, boolean wanted) {
        UserResource user = realm.users().get(userId);
        List<RoleRepresentation> roles;
        try {
            roles = user.roles().realmLevel().listAll();
        } catch (NotFoundException e) {
            return false;
        }
        boolean has = roles.stream().anyMatch(r -> LEAD_ROLE.equals(r.getName()));
        if (wanted != has) {
            RoleRepresentation role = realm.roles().get(LEAD_ROLE).toRepresentation();
            if (wanted) {
                user.roles().realmLevel().add(List.of(role));
            } else {
                user.roles().realmLevel().remove(List.of(role));
            }
        }
        return true;
    }

    /**
     * Ensures the group /communities/&lt;slug&gt; exists (renaming the known one if the slug changed) and returns its
     * id; null when it does not exist and is not wanted.
     */
    public String ensureGroup(String knownGroupId, String slug, boolean create) {
        if (knownGroupId != null) {
            try {
                GroupResource group = realm.groups().group(knownGroupId);
                GroupRepresentation representation = group.toRepresentation();
                if (!slug.equals(representation.getName())) {
                    representation.setName(slug);
                    group.update(representation);
                }
                return knownGroupId;
            } catch (NotFoundException e) {
                // Deleted by an administrator: recreate below.
            }
        }
        try {
            return realm.getGroupByPath(PARENT_GROUP + "/" + slug).getId();
        } catch (NotFoundException e) {
            if (!create) {
                return null;
            }
        }
        String parentId = parentGroupId();
        GroupRepresentation child = new GroupRepresentation();
        child.setName(slug);
        try (Response response = realm.groups().group(parentId).subGroup(child)) {
            if (response.getStatus() == 409) {
                return realm.getGroupByPath(PARENT_GROUP + "/" + slug).getId();
            }
            return CreatedResponseUtil.getCreatedId(response);
        }
    }

    /** False when the user no longer exists in Keycloak. */
    public boolean reconcileGroupMembership(String userId, String groupId, boolean wanted) {
        UserResource user = realm.users().get(userId);
        List<GroupRepresentation> groups;
        try {
            groups = user.groups();
        } catch (NotFoundException e) {
            return false;
        }
        boolean in = groups.stream().anyMatch(g -> groupId.equals(g.getId()));
        if (wanted && !in) {
            user.joinGroup(groupId);
        } else if (!wanted && in) {
            user.leaveGroup(groupId);
        }
        return true;
    }

    private String parentGroupId() {
        try {
            return realm.getGroupByPath(PARENT_GROUP).getId();
        } catch (NotFoundException e) {
            GroupRepresentation parent = new GroupRepresentation();
            parent.setName(PARENT_GROUP);
            try (Response response = realm.groups().add(parent)) {
                if (response.getStatus() == 409) {
                    return realm.getGroupByPath(PARENT_GROUP).getId();
                }
                return CreatedResponseUtil.getCreatedId(response);
            }
        }
    }
}
