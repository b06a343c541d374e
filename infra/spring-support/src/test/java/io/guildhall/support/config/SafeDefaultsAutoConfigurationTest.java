package io.guildhall.support.config;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class SafeDefaultsAutoConfigurationTest {

    private final ApplicationContextRunner membership = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SafeDefaultsAutoConfiguration.class))
            .withPropertyValues("spring.application.name=membership-service",
                    "spring.r2dbc.url=r2dbc:postgresql://db.internal:5432/membership",
                    "spring.flyway.url=jdbc:postgresql://db.internal:5432/membership",
                    "spring.r2dbc.password=postgres", "spring.flyway.password=postgres",
                    "guildhall.keycloak.client-secret=guildhall-membership-secret");

    @Test
    void outside_dev_a_service_with_development_secrets_does_not_start_and_says_which_to_set() {
        membership.withPropertyValues("guildhall.profile=production").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .hasMessageContaining("membership-service refuses to start")
                    .hasMessageContaining("GUILDHALL_DB_PASSWORD")
                    .hasMessageContaining("GUILDHALL_KEYCLOAK_CLIENT_SECRET");
        });
    }

    @Test
    void with_its_own_secrets_it_starts_and_in_dev_the_development_ones_are_fine() {
        membership.withPropertyValues("guildhall.profile=production", "spring.r2dbc.password=from-the-vault",
                        "spring.flyway.password=from-the-vault", "guildhall.keycloak.client-secret=another-vault-entry")
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(SafeDefaultsAutoConfiguration.Checked.class));
        membership.withPropertyValues("guildhall.profile=dev")
                .run(context -> assertThat(context).hasNotFailed());
    }
}
