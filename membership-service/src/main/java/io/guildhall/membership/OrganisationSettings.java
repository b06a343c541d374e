package io.guildhall.membership;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Platform settings this service applies: the organisation's time zone ({@code GUILDHALL_TIME_ZONE}, shared with
 * every service) decides what "today" is for effective dates (a person's own "today", for contribution dates, is
 * their location's: {@link io.guildhall.contracts.time.OrganisationZones}), and the contracted weekly hours of someone whose Keycloak user has no usable value.
 */
@ConfigurationProperties("guildhall.organisation")
public record OrganisationSettings(ZoneId timeZone, int defaultWeeklyHours) {

    public OrganisationSettings {
        timeZone = timeZone == null ? ZoneId.of("Europe/Berlin") : timeZone;
        defaultWeeklyHours = defaultWeeklyHours == 0 ? 40 : defaultWeeklyHours;
        if (defaultWeeklyHours < 1 || defaultWeeklyHours > 80) {
            throw new IllegalArgumentException("guildhall.organisation.default-weekly-hours must be 1..80");
        }
    }

    public LocalDate today(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), timeZone);
    }
}
