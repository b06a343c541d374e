package io.guildhall.support.db;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

@AutoConfiguration
@ConditionalOnProperty("spring.flyway.url")
public class SupportSchemaAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    SupportSchemaMigration supportSchemaMigration(Environment env) {
        return new SupportSchemaMigration(
                env.getRequiredProperty("spring.flyway.url"),
                env.getProperty("spring.flyway.user", "postgres"),
                env.getProperty("spring.flyway.password", ""));
    }
}
