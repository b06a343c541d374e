package io.guildhall.gateway.portal;

import io.guildhall.contracts.time.OrganisationZones;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.LocalDate;

/**
 * The signed-in person's today: the date where they are (their directory location's zone, from the ID token's
 * {@code location} and {@code GUILDHALL_LOCATION_ZONES}), as membership-service judges a contribution's date. The
 * organisation's today can already be tomorrow for someone in another zone: in the last hour of a London day,
 * Berlin's date was offered by default and refused as "in the future".
 */
@Component
public class PersonalToday {

    private final Clock clock;
    private final OrganisationZones zones;

    public PersonalToday(Clock clock, ViewerZones zones) {
        this.clock = clock;
        this.zones = zones.zones();
    }

    public Mono<LocalDate> today() {
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .map(Authentication::getPrincipal)
                .filter(OidcUser.class::isInstance)
                .map(user -> of(((OidcUser) user).getClaimAsString("location")))
                .defaultIfEmpty(LocalDate.now(clock));
    }

    /** Today where {@code location} is (the organisation's zone for an unknown or missing location). */
    LocalDate of(String location) {
        return zones.today(location, clock);
    }
}
