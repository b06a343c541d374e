package io.guildhall.membership.privacy;

import io.guildhall.contracts.Topics;
import io.guildhall.membership.KeycloakTestUsers;
import io.guildhall.membership.KeycloakTestUsers.TestUser;
import io.guildhall.membership.MembershipServiceIT;
import io.guildhall.membership.person.DirectorySync;
import io.guildhall.testsupport.TopicClient;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A person downloads their data; an admin erases a person, which is published and never undone by a sync. */
class PersonalDataIT extends MembershipServiceIT {

    @Autowired
    DirectorySync sync;

    @Test
    void a_person_exports_their_data_and_an_admin_erases_them_for_good() {
        TestUser lead = keycloak.create("plead", Map.of());
        TestUser person = keycloak.create("subject", Map.of("department", List.of("Legal"), "weeklyHours", List.of("30")));
        TestUser admin = keycloak.create("admin", Map.of());
        keycloak.grantRealmRole(admin.id(), "admin");
        String personToken = stack.accessToken(person.username(), KeycloakTestUsers.PASSWORD);
        String adminToken = stack.accessToken(admin.username(), KeycloakTestUsers.PASSWORD);
        sync.syncAll().block();
        UUID community = found(lead.id(), "OPEN");
        client().post().uri("/api/communities/" + community + "/members").headers(h -> h.setBearerAuth(personToken))
                .exchange().expectStatus().isCreated();
        client().post().uri("/api/contributions").headers(h -> h.setBearerAuth(personToken))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("communityId", community.toString(), "kind", "ANSWERING_QUESTIONS",
                        "date", LocalDate.now(ZoneOffset.UTC).toString(), "minutes", 25, "note", "Helped with the build"))
                .exchange().expectStatus().isCreated();

        client().get().uri("/api/people/me/export").headers(h -> h.setBearerAuth(personToken)).exchange()
                .expectStatus().isOk()
                .expectHeader().valueMatches("Content-Disposition", "attachment.*")
                .expectBody()
                .jsonPath("$.person.id").isEqualTo(person.id())
                .jsonPath("$.person.profile.department").isEqualTo("Legal")
                .jsonPath("$.person.profile.weeklyHours").isEqualTo(30)
                .jsonPath("$.memberships[0].communityId").isEqualTo(community.toString())
                .jsonPath("$.membershipHistory[0].change").isEqualTo("JOINED")
                .jsonPath("$.contributions[0].note").isEqualTo("Helped with the build");
        client().get().uri("/api/people/me/export").exchange().expectStatus().isUnauthorized();

        client().post().uri("/api/people/" + person.id() + "/erase").headers(h -> h.setBearerAuth(token("ada"))).exchange()
                .expectStatus().isForbidden();
        client().post().uri("/api/people/" + person.id() + "/erase").headers(h -> h.setBearerAuth(token("katherine"))).exchange()
                .expectStatus().isForbidden();
        client().post().uri("/api/people/" + person.id() + "/erase").headers(h -> h.setBearerAuth(adminToken)).exchange()
                .expectStatus().isNoContent();
        client().post().uri("/api/people/" + person.id() + "/erase").headers(h -> h.setBearerAuth(adminToken)).exchange()
                .expectStatus().isEqualTo(409);
        client().post().uri("/api/people/" + UUID.randomUUID() + "/erase").headers(h -> h.setBearerAuth(adminToken)).exchange()
                .expectStatus().isNotFound();

        assertThat(recorded(person.id(), "guildhall.person.erased.v1")).singleElement()
                .satisfies(json -> assertThat(json).contains(admin.id()));
        awaitPublished(Topics.PERSON, person.id(), "guildhall.person.erased.v1", json -> true);
        assertThat(recorded(community.toString(), "guildhall.membership.left.v1"))
                .anyMatch(json -> json.contains(person.id()) && json.contains("PERSON_ERASED"));
        assertThat(count("SELECT count(*) FROM contribution WHERE person_id = :p AND note IS NOT NULL", Map.of("p", person.id())))
                .isZero();
        client().get().uri("/api/people/" + person.id()).headers(h -> h.setBearerAuth(token("ada"))).exchange()
                .expectStatus().isNotFound();

        List<String> before = recordedTypes(person.id());
        sync.syncAll().block();
        assertThat(recordedTypes(person.id())).as("a sync does not bring an erased person back").isEqualTo(before);
        assertThat(count("SELECT count(*) FROM person WHERE id = :p AND erased AND display_name = 'Erased person' "
                + "AND department IS NULL AND email IS NULL", Map.of("p", person.id()))).isEqualTo(1);

        // The history kept for ever holds no name, no email and no free text about them (docs/privacy.md).
        List<ConsumerRecord<String, byte[]>> history = TopicClient.awaitKeyed(stack.kafkaBootstrapServers(),
                Topics.PERSON, person.id(), records -> TopicClient.types(records).contains("guildhall.person.erased.v1"),
                Duration.ofSeconds(60));
        assertThat(TopicClient.types(history)).contains("guildhall.person.registered.v1");
        for (ConsumerRecord<String, byte[]> record : history) {
            assertThat(TopicClient.json(record)).doesNotContain(person.username())
                    .doesNotContain("@example.test").doesNotContain("\"displayName\":\"");
        }
    }
}
