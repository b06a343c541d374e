package io.guildhall.support.time;

import io.guildhall.contracts.time.OrganisationZones;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

import java.time.Clock;
import java.util.Arrays;

/**
 * The organisation's time (rule 9 of docs/participation.md), the same in every service: {@code
 * guildhall.organisation.time-zone} ({@code GUILDHALL_TIME_ZONE}) and {@code guildhall.organisation.location-zones}
 * ({@code GUILDHALL_LOCATION_ZONES}), as analytics-service reads them too. The {@link Clock} runs in the
 * organisation's zone, so that {@code LocalDate.now(clock)} is the organisation's today everywhere; instants are
 * unaffected. A zone that is not one stops the start-up, naming the setting.
 */
@AutoConfiguration
public class OrganisationTimeAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    OrganisationZones organisationZones(Environment env) {
        String locations = env.getProperty("guildhall.organisation.location-zones", "");
        try {
            return OrganisationZones.parse(env.getProperty("guildhall.organisation.time-zone", "Europe/Berlin"),
                    Arrays.asList(locations.split(",")));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("guildhall.organisation." + e.getMessage(), e);
        }
    }

    @Bean
    @ConditionalOnMissingBean
    Clock clock(OrganisationZones zones) {
        return Clock.system(zones.organisation());
    }
}
