package io.guildhall.membership.person;

import io.guildhall.contracts.Topics;
import io.guildhall.membership.KeycloakTestUsers.TestUser;
import io.guildhall.membership.MembershipServiceIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The directory follows Keycloak: registration, an attribute change with its effective date, disabled and deleted users. */
class DirectoryIT extends MembershipServiceIT {

    private static final String REGISTERED = "guildhall.person.registered.v1";
    private static final String CHANGED = "guildhall.person.profile-changed.v1";
    private static final String DEACTIVATED = "guildhall.person.deactivated.v1";

    @Autowired
    DirectorySync sync;

    @Test
    void a_keycloak_user_is_registered_changed_with_its_effective_date_disabled_and_published() {
        TestUser user = keycloak.create("dir", Map.of("department", List.of("Engineering"), "level", List.of("IC"),
                "location", List.of("Berlin"), "weeklyHours", List.of("32")));
        sync.syncAll().block();

        assertThat(recordedTypes(user.id())).containsExactly(REGISTERED);
        assertThat(recorded(user.id(), REGISTERED).get(0)).contains("\"department\":\"Engineering\"")
                .contains("\"weeklyHours\":32").contains("\"weeklyHoursDefaulted\":false");
        awaitPublished(Topics.PERSON, user.id(), REGISTERED, json -> true);

        sync.syncAll().block();
        assertThat(recordedTypes(user.id())).as("an unchanged user publishes nothing").containsExactly(REGISTERED);

        keycloak.update(user.id(), u -> u.getAttributes().put("department", List.of("Research")));
        sync.syncAll().block();
        String today = LocalDate.now(java.time.ZoneId.of("Europe/Berlin")).toString(); // the organisation's today
        assertThat(recordedTypes(user.id())).containsExactly(REGISTERED, CHANGED);
        assertThat(recorded(user.id(), CHANGED).get(0)).contains("\"department\":\"Research\"")
                .contains("\"effectiveFrom\":\"" + today + "\"").contains("\"active\":true");
        awaitPublished(Topics.PERSON, user.id(), CHANGED, json -> json.contains("Research"));

        keycloak.update(user.id(), u -> u.setEnabled(false));
        sync.syncAll().block();
        assertThat(recordedTypes(user.id())).containsExactly(REGISTERED, CHANGED, DEACTIVATED);
        assertThat(recorded(user.id(), DEACTIVATED).get(0)).contains("\"reason\":\"DISABLED\"");
        client().get().uri("/api/people/" + user.id()).headers(h -> h.setBearerAuth(token("ada"))).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.active").isEqualTo(false)
                .jsonPath("$.department").isEqualTo("Research");
    }

    @Test
    void a_deleted_user_becomes_inactive_and_a_missing_weekly_hours_is_defaulted_and_flagged() {
        TestUser user = keycloak.create("gone", Map.of("department", List.of("Sales")));
        sync.syncAll().block();
        assertThat(recorded(user.id(), REGISTERED).get(0)).contains("\"weeklyHours\":40")
                .contains("\"weeklyHoursDefaulted\":true");

        keycloak.delete(user.id());
        sync.syncAll().block();

        assertThat(recordedTypes(user.id())).containsExactly(REGISTERED, DEACTIVATED);
        assertThat(recorded(user.id(), DEACTIVATED).get(0)).contains("\"reason\":\"DELETED\"");
    }

    @Test
    void the_person_themselves_sees_their_full_entry_others_the_public_one_and_anonymous_nothing() {
        TestUser user = keycloak.create("vis", Map.of("department", List.of("Finance"), "weeklyHours", List.of("20")));
        sync.syncAll().block();
        String own = stack.accessToken(user.username(), io.guildhall.membership.KeycloakTestUsers.PASSWORD);

        client().get().uri("/api/people/" + user.id()).headers(h -> h.setBearerAuth(own)).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.email").isEqualTo(user.username() + "@example.test")
                .jsonPath("$.weeklyHours").isEqualTo(20);
        client().get().uri("/api/people/" + user.id()).headers(h -> h.setBearerAuth(token("ada"))).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.displayName").isEqualTo("Test " + user.username())
                .jsonPath("$.email").doesNotExist()
                .jsonPath("$.weeklyHours").doesNotExist();
        client().get().uri("/api/people?department=finance&q=" + user.username()).headers(h -> h.setBearerAuth(token("katherine")))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.totalItems").isEqualTo(1)
                .jsonPath("$.items[0].id").isEqualTo(user.id());
        client().get().uri("/api/people/" + user.id()).exchange().expectStatus().isUnauthorized();
        client().get().uri("/api/people/me").exchange().expectStatus().isUnauthorized();
        client().get().uri("/api/people/nobody").headers(h -> h.setBearerAuth(token("ada"))).exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void a_signed_in_person_the_sync_has_not_seen_is_registered_just_in_time_from_the_token() {
        String katherine = personId("katherine");
        db.sql("DELETE FROM person WHERE id = :id").bind("id", katherine).then().block();

        client().get().uri("/api/me").headers(h -> h.setBearerAuth(token("katherine"))).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.id").isEqualTo(katherine)
                .jsonPath("$.department").isEqualTo("Operations")
                .jsonPath("$.weeklyHours").isEqualTo(40)
                .jsonPath("$.weeklyHoursDefaulted").isEqualTo(false);
        assertThat(recordedTypes(katherine)).contains(REGISTERED);
        client().get().uri("/api/people/me").headers(h -> h.setBearerAuth(token("katherine"))).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.email").exists();
    }

    @Test
    void the_first_profile_is_effective_from_the_directorys_start_date_even_after_a_just_in_time_registration() {
        TestUser hired = keycloak.create("hired", Map.of("department", List.of("Finance"), "startDate", List.of("2024-02-01")));
        sync.syncAll().block();
        assertThat(recorded(hired.id(), REGISTERED).get(0)).contains("\"effectiveFrom\":\"2024-02-01\"");

        TestUser early = keycloak.create("early", Map.of("department", List.of("Sales"), "weeklyHours", List.of("30"),
                "startDate", List.of("2023-05-02")));
        String own = stack.accessToken(early.username(), io.guildhall.membership.KeycloakTestUsers.PASSWORD);
        client().get().uri("/api/me").headers(h -> h.setBearerAuth(own)).exchange().expectStatus().isOk();
        String today = LocalDate.now(java.time.ZoneId.of("Europe/Berlin")).toString(); // the organisation's today
        assertThat(recorded(early.id(), REGISTERED).get(0)).as("just in time, from the token")
                .contains("\"effectiveFrom\":\"" + today + "\"");

        sync.syncAll().block();
        assertThat(recordedTypes(early.id())).containsExactly(REGISTERED, CHANGED);
        assertThat(recorded(early.id(), CHANGED).get(0)).contains("\"effectiveFrom\":\"2023-05-02\"")
                .contains("\"department\":\"Sales\"").contains("\"weeklyHours\":30");
        awaitPublished(Topics.PERSON, early.id(), CHANGED, json -> json.contains("2023-05-02"));
        client().get().uri("/api/people/me").headers(h -> h.setBearerAuth(own)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.profileEffectiveFrom").isEqualTo("2023-05-02");

        sync.syncAll().block();
        assertThat(recordedTypes(early.id())).as("dated back once").containsExactly(REGISTERED, CHANGED);
    }

    @Test
    void health_openapi_and_the_sync_metrics_are_public() {
        sync.syncAll().block();
        client().get().uri("/actuator/health").exchange().expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("UP");
        client().get().uri("/v3/api-docs").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.paths['/api/people/{id}']").exists()
                .jsonPath("$.paths['/api/communities/{id}/members']").exists()
                .jsonPath("$.paths['/api/communities/{id}/membership-requests/{requestId}/decision']").exists()
                .jsonPath("$.paths['/api/contributions/{id}']").exists()
                .jsonPath("$.paths['/api/people/{id}/erase']").exists();
        client().get().uri("/actuator/prometheus").exchange().expectStatus().isOk().expectBody(String.class)
                .value(text -> assertThat(text).contains("guildhall_directory_sync_last_success_epoch_seconds")
                        .contains("guildhall_directory_sync_failures_total").contains("guildhall_outbox_pending"));
    }
}
