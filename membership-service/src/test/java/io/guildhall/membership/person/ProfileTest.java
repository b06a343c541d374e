package io.guildhall.membership.person;

import io.guildhall.contracts.person.DeactivationReason;
import io.guildhall.contracts.person.PersonDeactivated;
import io.guildhall.contracts.person.PersonProfileChanged;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.UserRepresentation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ProfileTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

    @Test
    void weekly_hours_missing_not_numeric_or_out_of_range_fall_back_to_the_default_and_are_flagged() {
        assertThat(profile(Map.of("weeklyHours", List.of("32"))).weeklyHours()).isEqualTo(32);
        for (Map<String, List<String>> attributes : List.of(Map.<String, List<String>>of(),
                Map.of("weeklyHours", List.of("forty")), Map.of("weeklyHours", List.of("0")),
                Map.of("weeklyHours", List.of("81")), Map.of("weeklyHours", List.<String>of()))) {
            Profile p = profile(attributes);
            assertThat(p.weeklyHours()).as(attributes.toString()).isEqualTo(38);
            assertThat(p.weeklyHoursDefaulted()).isTrue();
        }
    }

    @Test
    void the_display_name_is_first_and_last_name_else_the_username() {
        UserRepresentation user = user(Map.of());
        user.setFirstName("Ada");
        user.setLastName("Lovelace");
        assertThat(Profile.fromKeycloak(user, 40).displayName()).isEqualTo("Ada Lovelace");
        assertThat(profile(Map.of()).displayName()).isEqualTo("someone");
    }

    @Test
    void a_changed_detail_is_a_profile_change_effective_today_and_disabling_is_a_deactivation() {
        Profile before = profile(Map.of("department", List.of("Engineering")));
        Profile moved = profile(Map.of("department", List.of("Research")));

        assertThat(ProfileChanges.between("p", before, before, DeactivationReason.DISABLED, TODAY, NOW)).isEmpty();
        assertThat(ProfileChanges.between("p", before, moved, DeactivationReason.DISABLED, TODAY, NOW))
                .singleElement().isInstanceOfSatisfying(PersonProfileChanged.class, e -> {
                    assertThat(e.department()).isEqualTo("Research");
                    assertThat(e.effectiveFrom()).isEqualTo(TODAY);
                });
        assertThat(ProfileChanges.between("p", before, before.withActive(false), DeactivationReason.DISABLED, TODAY, NOW))
                .singleElement().isInstanceOfSatisfying(PersonDeactivated.class,
                        e -> assertThat(e.reason()).isEqualTo("DISABLED"));
        assertThat(ProfileChanges.between("p", before.withActive(false), before, DeactivationReason.DISABLED, TODAY, NOW))
                .singleElement().isInstanceOfSatisfying(PersonProfileChanged.class, e -> assertThat(e.active()).isTrue());
    }

    private static Profile profile(Map<String, List<String>> attributes) {
        return Profile.fromKeycloak(user(attributes), 38);
    }

    private static UserRepresentation user(Map<String, List<String>> attributes) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername("someone");
        user.setEnabled(true);
        user.setAttributes(attributes);
        return user;
    }
}
