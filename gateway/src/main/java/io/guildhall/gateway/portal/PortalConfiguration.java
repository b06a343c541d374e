package io.guildhall.gateway.portal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

@Configuration
public class PortalConfiguration {

    /** "Now" for the pages (upcoming events, this quarter); a bean so a test can fix it. */
    @Bean
    Clock clock(@org.springframework.beans.factory.annotation.Value("${guildhall.organisation.time-zone:Europe/Berlin}")
                java.time.ZoneId zone) {
        // The organisation's today (GUILDHALL_TIME_ZONE, the same setting every service reads).
        return Clock.system(zone);
    }
}
