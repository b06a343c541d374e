package io.guildhall.analytics.person;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PersonRulesTest {

    private static final Instant T1 = Instant.parse("2026-03-02T10:00:00Z");
    private static final Instant T2 = T1.plusSeconds(60);
    private static final LocalDate MARCH = LocalDate.parse("2026-03-01");

    @Test
    void a_pseudonym_depends_only_on_the_erasure_event_and_reveals_no_id() {
        String pseudonym = Pseudonyms.forErasure("1b4e28ba-2fa1-4d3b-a3f5-ef19b5a7633b");

        assertEquals(pseudonym, Pseudonyms.forErasure("1b4e28ba-2fa1-4d3b-a3f5-ef19b5a7633b"), "a replay agrees");
        assertNotEquals(pseudonym, Pseudonyms.forErasure("another-erasure"));
        assertTrue(pseudonym.matches("erased-[0-9a-f-]{36}"), pseudonym);
    }

    @Test
    void the_id_is_kept_as_its_sha256_only() {
        assertEquals("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824", Pseudonyms.sha256("hello"));
    }

    @Test
    void an_older_profile_for_the_same_day_changes_nothing() {
        ProfileRow newer = profile("Finance", 30, true, T2);
        ProfileRow older = profile("Legal", 40, true, T1);

        assertEquals(Optional.empty(), ProfileRow.afterProfile(Optional.of(newer), older));
        assertEquals(Optional.of(newer), ProfileRow.afterProfile(Optional.of(older), newer));
    }

    @Test
    void a_deactivation_copies_the_profile_in_force_the_day_before() {
        ProfileRow before = new ProfileRow("p", LocalDate.parse("2026-01-01"), "Sales", "IC", "Paris", 20, true, T1);

        ProfileRow deactivated = ProfileRow.afterDeactivation(Optional.empty(), Optional.of(before), "p", MARCH, T2)
                .orElseThrow();

        assertEquals(new ProfileRow("p", MARCH, "Sales", "IC", "Paris", 20, false, T2), deactivated);
    }

    @Test
    void a_deactivation_of_an_unknown_person_uses_the_defaults() {
        ProfileRow deactivated = ProfileRow.afterDeactivation(Optional.empty(), Optional.empty(), "p", MARCH, T2)
                .orElseThrow();

        assertEquals(ProfileRow.DEFAULT_WEEKLY_HOURS, deactivated.weeklyHours());
        assertFalse(deactivated.active());
    }

    @Test
    void a_deactivation_older_than_the_profile_of_its_day_is_stale() {
        assertEquals(Optional.empty(), ProfileRow.afterDeactivation(Optional.of(profile("Sales", 20, true, T2)),
                Optional.empty(), "p", MARCH, T1));
    }

    private static ProfileRow profile(String department, int hours, boolean active, Instant asOf) {
        return new ProfileRow("p", MARCH, department, "IC", "Rome", hours, active, asOf);
    }
}
