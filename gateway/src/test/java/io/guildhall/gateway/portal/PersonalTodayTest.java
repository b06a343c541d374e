package io.guildhall.gateway.portal;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class PersonalTodayTest {

    /** 23:30 UTC on 4 December: already the 5th in Berlin, still the 4th in London and Lisbon. */
    private final PersonalToday today = new PersonalToday(
            Clock.fixed(Instant.parse("2026-12-04T23:30:00Z"), ZoneId.of("Europe/Berlin")),
            new ViewerZones("Europe/Berlin", "Berlin=Europe/Berlin, London=Europe/London,Lisbon=Europe/Lisbon"));

    @Test
    void a_person_in_london_still_has_the_4th_when_berlin_has_the_5th() {
        assertThat(today.of("London")).isEqualTo(LocalDate.parse("2026-12-04"));
        assertThat(today.of("Lisbon")).isEqualTo(LocalDate.parse("2026-12-04"));
        assertThat(today.of("Berlin")).isEqualTo(LocalDate.parse("2026-12-05"));
    }

    @Test
    void an_unknown_or_missing_location_gets_the_organisations_day() {
        assertThat(today.of("Atlantis")).isEqualTo(LocalDate.parse("2026-12-05"));
        assertThat(today.of(null)).isEqualTo(LocalDate.parse("2026-12-05"));
    }
}
