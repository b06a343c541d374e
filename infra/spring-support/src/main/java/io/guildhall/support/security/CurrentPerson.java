package io.guildhall.support.security;

import org.springframework.security.oauth2.jwt.Jwt;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The signed-in person as the access token describes them. The Keycloak user id ({@code sub}) is the
 * person id everywhere in Guildhall. Declare a handler parameter of this type to receive it.
 */
public record CurrentPerson(
        String personId,
        String username,
        String name,
        String email,
        String department,
        String level,
        String location,
        Integer weeklyHours,
        Set<String> roles) {

    public static final String EMPLOYEE = "employee";
    public static final String COMMUNITY_LEAD = "community-lead";
    public static final String EXECUTIVE = "executive";
    public static final String ADMIN = "admin";

    public static CurrentPerson from(Jwt jwt) {
        return new CurrentPerson(jwt.getSubject(), jwt.getClaimAsString("preferred_username"), jwt.getClaimAsString("name"),
                jwt.getClaimAsString("email"), jwt.getClaimAsString("department"), jwt.getClaimAsString("level"),
                jwt.getClaimAsString("location"), weeklyHours(jwt.getClaims().get("weeklyHours")), realmRoles(jwt));
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public boolean isAdmin() {
        return hasRole(ADMIN);
    }

    static Set<String> realmRoles(Jwt jwt) {
        Object realmAccess = jwt.getClaims().get("realm_access");
        if (realmAccess instanceof Map<?, ?> map && map.get("roles") instanceof Collection<?> roles) {
            return roles.stream().map(Object::toString).collect(Collectors.toUnmodifiableSet());
        }
        return Set.of();
    }

    private static Integer weeklyHours(Object claim) {
        if (claim instanceof Number number) {
            return number.intValue();
        }
        if (claim instanceof List<?> list && !list.isEmpty()) {
            return weeklyHours(list.get(0));
        }
        if (claim instanceof String text && !text.isBlank()) {
            try {
                return Integer.valueOf(text.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }
}
