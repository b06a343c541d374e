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
    void the_start_date_is_the_start_date_attribute_else_the_day_keycloak_created_the_user_in_the_organisations_zone() {
        java.time.ZoneId berlin = java.time.ZoneId.of("Europe/Berlin");
        UserRepresentation user = user(Map.of("startDate", List.of("2021-09-01")));
        user.setCreatedTimestamp(Instant.parse("2026-01-01T23:30:00Z").toEpochMilli());
        assertThat(Profile.startDate(user, berlin)).isEqualTo(LocalDate.of(2021, 9, 1));
        UserRepresentation created = user(Map.of("startDate", List.of("the first of May")));
        created.setCreatedTimestamp(Instant.parse("2026-01-01T23:30:00Z").toEpochMilli());
        assertThat(Profile.startDate(created, berlin)).as("00:30 in Berlin").isEqualTo(LocalDate.of(2026, 1, 2));
        assertThat(Profile.startDate(user(Map.of()), berlin)).isNull();
    }

    @Test
    void a_first_profile_dated_back_is_the_whole_profile_in_force_from_the_start_date() {
        Profile p = profile(Map.of("department", List.of("Engineering"), "weeklyHours", List.of("30")));
        assertThat(ProfileChanges.backdated("p", p, LocalDate.of(2020, 6, 15), NOW)).satisfies(e -> {
            assertThat(e.effectiveFrom()).isEqualTo(LocalDate.of(2020, 6, 15));
            assertThat(e.department()).isEqualTo("Engineering");
            assertThat(e.weeklyHours()).isEqualTo(30);
            assertThat(e.active()).isTrue();
        });
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
