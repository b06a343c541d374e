package io.guildhall.testsupport.spring;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Bearer tokens for a Spring service's slice tests ({@code @WebFluxTest}), which start no Keycloak: the token
 * {@code "<person id>~<role>+<role>"} (see {@link #of}; characters a bearer token may hold) is decoded into the claims Keycloak would sign (subject,
 * {@code realm_access.roles}, {@code preferred_username}), and from there the service's own security runs unchanged:
 * its filter chains, role mapping, {@code @PreAuthorize} rules, {@code CurrentPerson} and problem details. Anything
 * else is an invalid token (401). Signatures, issuer and audience are the integration tests' concern (real Keycloak
 * tokens); a slice test checks what a controller does with a caller.
 *
 * <p>Use with {@code @Import(SliceTokens.class)}; this decoder replaces the service's, which is conditional on none.
 */
@TestConfiguration(proxyBeanMethods = false)
public class SliceTokens {

    /** The {@code Authorization} header value of a person holding these realm roles. */
    public static String of(String personId, String... roles) {
        return "Bearer " + personId + "~" + String.join("+", roles);
    }

    @Bean
    ReactiveJwtDecoder sliceTokenDecoder() {
        return token -> {
            int tilde = token.indexOf('~');
            if (tilde <= 0) {
                return Mono.error(new BadJwtException("not a slice test token: " + token));
            }
            String person = token.substring(0, tilde);
            List<String> roles = Arrays.stream(token.substring(tilde + 1).split("\\+"))
                    .filter(role -> !role.isBlank()).toList();
            Instant now = Instant.now();
            return Mono.just(Jwt.withTokenValue(token)
                    .header("alg", "none")
                    .subject(person)
                    .claim("preferred_username", person)
                    .claim("realm_access", Map.of("roles", roles))
                    .issuedAt(now)
                    .expiresAt(now.plusSeconds(300))
                    .build());
        };
    }
}
