package io.guildhall.gateway.security;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.Map;

/** Who is signed in to the portal: what the pages need to greet someone, never a token. */
@RestController
public class SessionController {

    @GetMapping("/session")
    public Map<String, Object> session(@AuthenticationPrincipal OidcUser user) {
        Map<String, Object> session = new LinkedHashMap<>();
        session.put("personId", user.getSubject());
        session.put("username", user.getPreferredUsername());
        session.put("name", user.getFullName());
        session.put("email", user.getEmail());
        return session;
    }
}
