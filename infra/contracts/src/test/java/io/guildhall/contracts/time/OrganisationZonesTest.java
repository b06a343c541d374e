package io.guildhall.contracts.time;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Rule 9: one organisation zone, a zone per location, and what "today" is for whom. */
class OrganisationZonesTest {

    private final OrganisationZones zones = OrganisationZones.parse("Europe/Berlin",
            List.of("Berlin=Europe/Berlin", " London = Europe/London", ""));

    @Test
    void half_past_midnight_in_berlin_is_already_tomorrow_for_a_berliner_but_not_yet_for_a_londoner() {
        // 23:30 UTC on 2 December: 00:30 on the 3rd in Berlin, 23:30 on the 2nd in London. Under the old UTC
        // default a Berliner could not log the 3rd's contribution until 01:00.
        Clock clock = Clock.fixed(Instant.parse("2026-12-02T23:30:00Z"), ZoneOffset.UTC);

        assertEquals(LocalDate.parse("2026-12-03"), zones.today("Berlin", clock));
        assertEquals(LocalDate.parse("2026-12-02"), zones.today("London", clock));
        assertEquals(LocalDate.parse("2026-12-03"), zones.today("Lisbon", clock), "no zone of its own: the organisation's");
        assertEquals(LocalDate.parse("2026-12-03"), zones.today(null, clock));
        assertEquals(LocalDate.parse("2026-12-03"), zones.today(clock));
    }

    @Test
    void a_locations_zone_else_the_organisations() {
        assertEquals(ZoneId.of("Europe/London"), zones.zoneOf("London"));
        assertEquals(ZoneId.of("Europe/Berlin"), zones.zoneOf("Lisbon"));
    }

    @Test
    void a_typo_is_refused_naming_the_value() {
        IllegalArgumentException zone = assertThrows(IllegalArgumentException.class,
                () -> OrganisationZones.parse("Europe/Berlim", List.of()));
        assertTrue(zone.getMessage().contains("time-zone") && zone.getMessage().contains("Europe/Berlim"));
        IllegalArgumentException pair = assertThrows(IllegalArgumentException.class,
                () -> OrganisationZones.parse("UTC", List.of("Berlin")));
        assertTrue(pair.getMessage().contains("location-zones") && pair.getMessage().contains("Berlin"));
        assertThrows(IllegalArgumentException.class, () -> OrganisationZones.parse("UTC", List.of("X=Nowhere/City")));
    }
}
