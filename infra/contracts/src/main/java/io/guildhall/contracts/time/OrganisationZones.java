package io.guildhall.contracts.time;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One time-zone truth for every service (rule 9 of docs/participation.md): the organisation's zone (setting
 * {@code GUILDHALL_TIME_ZONE}), which decides where days, weeks and quarters begin for the organisation, and the zone
 * of each directory location ({@code GUILDHALL_LOCATION_ZONES}, "Location=Zone" pairs), which decides what "today"
 * is for a person. A person whose location has no zone lives in the organisation's.
 */
public record OrganisationZones(ZoneId organisation, Map<String, ZoneId> locations) {

    public OrganisationZones {
        Objects.requireNonNull(organisation, "organisation");
        locations = Map.copyOf(locations);
    }

    /**
     * @param locationPairs "Berlin=Europe/Berlin" entries; blanks are ignored
     * @throws IllegalArgumentException naming the value that is not a zone or not a pair
     */
    public static OrganisationZones parse(String organisationZone, Collection<String> locationPairs) {
        ZoneId organisation;
        try {
            organisation = ZoneId.of(organisationZone == null ? "" : organisationZone.trim());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("time-zone is not an IANA time zone id: " + organisationZone, e);
        }
        Map<String, ZoneId> locations = new LinkedHashMap<>();
        for (String pair : locationPairs == null ? java.util.List.<String>of() : locationPairs) {
            if (pair == null || pair.isBlank()) {
                continue;
            }
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("location-zones must list Location=Zone pairs, e.g."
                        + " Berlin=Europe/Berlin: " + pair);
            }
            try {
                locations.put(pair.substring(0, equals).trim(), ZoneId.of(pair.substring(equals + 1).trim()));
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("location-zones must list Location=Zone pairs with IANA zone ids,"
                        + " e.g. Berlin=Europe/Berlin: " + pair, e);
            }
        }
        return new OrganisationZones(organisation, locations);
    }

    /** The zone of a directory location, else the organisation's. */
    public ZoneId zoneOf(String location) {
        return location == null ? organisation : locations.getOrDefault(location.trim(), organisation);
    }

    /** Today for a person at that location. */
    public LocalDate today(String location, Clock clock) {
        return LocalDate.ofInstant(clock.instant(), zoneOf(location));
    }

    /** Today for the organisation. */
    public LocalDate today(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), organisation);
    }
}
