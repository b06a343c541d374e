package io.guildhall.support.db;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Runs after the service's own Flyway migration (which refuses a non-empty schema without history),
 * so a fresh database gets the service's tables first and ours next to them.
 */
@AutoConfiguration(afterName = "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration")
@ConditionalOnProperty("spring.flyway.url")
public class SupportSchemaAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    SupportSchemaMigration supportSchemaMigration(Environment env, ObjectProvider<FlywayMigrationInitializer> serviceMigration) {
        serviceMigration.ifAvailable(initializer -> { });
        return new SupportSchemaMigration(
                env.getRequiredProperty("spring.flyway.url"),
                env.getProperty("spring.flyway.user", "postgres"),
                env.getProperty("spring.flyway.password", ""));
    }
}
