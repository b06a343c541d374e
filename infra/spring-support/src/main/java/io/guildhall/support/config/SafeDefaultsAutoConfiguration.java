package io.guildhall.support.config;

import io.guildhall.contracts.config.SafeDefaults;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Outside the dev profile ({@code GUILDHALL_PROFILE}), a Spring service refuses to start while its database password
 * or its Keycloak client secret is still a development value ({@link SafeDefaults}).
 */
@AutoConfiguration
public class SafeDefaultsAutoConfiguration {

    /** The check ran and passed: present only in a context that started. */
    public record Checked(String profile) {
    }

    @Bean
    Checked guildhallSafeDefaults(Environment env) {
        String profile = env.getProperty(SafeDefaults.PROFILE_PROPERTY);
        SafeDefaults check = SafeDefaults.forProfile(profile);
        if (env.containsProperty("spring.r2dbc.url")) {
            check.secret("spring.r2dbc.password", "GUILDHALL_DB_PASSWORD", env.getProperty("spring.r2dbc.password"));
        }
        if (env.containsProperty("spring.flyway.url")) {
            check.secret("spring.flyway.password", "GUILDHALL_DB_PASSWORD", env.getProperty("spring.flyway.password"));
        }
        if (env.containsProperty("guildhall.keycloak.client-secret")) {
            check.secret("guildhall.keycloak.client-secret", "GUILDHALL_KEYCLOAK_CLIENT_SECRET",
                    env.getProperty("guildhall.keycloak.client-secret"));
        }
        check.require(env.getProperty("spring.application.name", "service"));
        return new Checked(check.dev() ? SafeDefaults.DEV : profile);
    }
}
