package io.guildhall.analytics.config;

import io.guildhall.contracts.config.SafeDefaults;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;

/**
 * Outside the dev profile ({@code GUILDHALL_PROFILE}) analytics refuses to start with the development database
 * password ({@link SafeDefaults}, the same check the Spring services and the gateway make).
 */
@Context
public class AnalyticsSafeDefaults {

    public AnalyticsSafeDefaults(@Value("${guildhall.profile:production}") String profile,
                                 @Value("${datasources.default.password:}") String databasePassword) {
        SafeDefaults.forProfile(profile)
                .secret("datasources.default.password", "GUILDHALL_DB_PASSWORD", databasePassword)
                .require("analytics-service");
    }
}
