package io.guildhall.gateway.portal;

import io.guildhall.contracts.time.OrganisationZones;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpCookie;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Arrays;

/**
 * The viewer's zone (rule 9 of docs/participation.md, seen from the portal): the zone of their directory location
 * (the ID token's {@code location}, mapped by {@code GUILDHALL_LOCATION_ZONES}); for someone whose location has no
 * zone, the browser's, which portal.js keeps in the {@value #COOKIE} cookie; else the organisation's.
 */
@Component
public class ViewerZones {

    public static final String COOKIE = "guildhall_tz";

    private final OrganisationZones zones;

    public ViewerZones(@Value("${guildhall.organisation.time-zone:Europe/Berlin}") String organisationZone,
                       @Value("${guildhall.organisation.location-zones:}") String locationZones) {
        this.zones = OrganisationZones.parse(organisationZone,
                Arrays.stream(locationZones.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList());
    }

    public OrganisationZones zones() {
        return zones;
    }

    public Viewer of(java.security.Principal principal, ServerWebExchange exchange) {
        return of(principal instanceof Authentication authentication ? authentication : null, exchange);
    }

    public Viewer of(Authentication authentication, ServerWebExchange exchange) {
        String location = authentication != null && authentication.getPrincipal() instanceof OidcUser user
                ? user.getClaimAsString("location") : null;
        return Viewer.in(zoneOf(location, exchange == null ? null : exchange.getRequest().getCookies().getFirst(COOKIE)));
    }

    ZoneId zoneOf(String location, HttpCookie browser) {
        if (location != null && zones.locations().containsKey(location.trim())) {
            return zones.locations().get(location.trim());
        }
        if (browser != null) {
            try {
                return ZoneId.of(java.net.URLDecoder.decode(browser.getValue(), java.nio.charset.StandardCharsets.UTF_8).trim());
            } catch (DateTimeException | IllegalArgumentException notAZone) {
                // a cookie someone edited: the organisation's zone
            }
        }
        return zones.organisation();
    }
}
