package io.guildhall.gateway.portal;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * The signed-in person as every page's model sees them ({@code ${user}}): who they are and which realm roles
 * they hold, so the navigation shows the pages their roles open. The services decide what they may do.
 */
public record PortalUser(String personId, String username, String name, Set<String> roles) {

    public static PortalUser of(Authentication authentication) {
        Set<String> roles = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith("ROLE_")).map(authority -> authority.substring(5))
                .collect(Collectors.toUnmodifiableSet());
        if (authentication.getPrincipal() instanceof OidcUser oidc) {
            String name = oidc.getFullName() != null ? oidc.getFullName() : oidc.getPreferredUsername();
            return new PortalUser(oidc.getSubject(), oidc.getPreferredUsername(), name, roles);
        }
        return new PortalUser(authentication.getName(), authentication.getName(), authentication.getName(), roles);
    }

    public boolean isEmployee() {
        return roles.contains("employee");
    }

    public boolean isLead() {
        return roles.contains("community-lead");
    }

    public boolean isExecutive() {
        return roles.contains("executive");
    }

    public boolean isAdmin() {
        return roles.contains("admin");
    }
}
