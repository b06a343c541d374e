package io.guildhall.membership.contribution;

import io.guildhall.contracts.Topics;
import io.guildhall.membership.KeycloakTestUsers.TestUser;
import io.guildhall.membership.MembershipServiceIT;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The contribution log through the API: every limit, ownership, corrections and deletions published. */
class ContributionIT extends MembershipServiceIT {

    // ada is in Berlin: her today is Berlin's (GUILDHALL_LOCATION_ZONES), also the organisation's.
    private static final LocalDate TODAY = LocalDate.now(java.time.ZoneId.of("Europe/Berlin"));

    @Test
    void ada_logs_corrects_and_deletes_her_entry_and_each_change_is_published() {
        UUID community = communityWithAda();
        String id = log("ada", community, "MENTORING", TODAY, 90).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
        assertThat(recorded(id, "guildhall.contribution.logged.v1").get(0)).contains("\"direction\":\"GIVING\"")
                .contains("\"minutes\":90").contains(community.toString());
        awaitPublished(Topics.CONTRIBUTION, id, "guildhall.contribution.logged.v1", json -> true);

        patch("grace", id, "{\"minutes\":45}").expectStatus().isForbidden();
        client().delete().uri("/api/contributions/" + id).headers(h -> h.setBearerAuth(token("grace"))).exchange()
                .expectStatus().isForbidden();
        patch("ada", id, "{\"minutes\":45,\"kind\":\"LEARNING\"}").expectStatus().isOk().expectBody()
                .jsonPath("$.minutes").isEqualTo(45).jsonPath("$.direction").isEqualTo("TAKING");
        patch("ada", id, "{\"minutes\":601}").expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("minutes");
        assertThat(recorded(id, "guildhall.contribution.corrected.v1")).singleElement()
                .satisfies(json -> assertThat(json).contains("\"minutes\":45").contains("\"kind\":\"LEARNING\""));
        client().get().uri("/api/contributions").headers(h -> h.setBearerAuth(token("ada"))).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$[?(@.id == '" + id + "')].minutes").isEqualTo(java.util.List.of(45));

        client().delete().uri("/api/contributions/" + id).headers(h -> h.setBearerAuth(token("ada"))).exchange()
                .expectStatus().isNoContent();
        assertThat(recordedTypes(id)).containsExactly("guildhall.contribution.logged.v1",
                "guildhall.contribution.corrected.v1", "guildhall.contribution.deleted.v1");
        client().delete().uri("/api/contributions/" + id).headers(h -> h.setBearerAuth(token("ada"))).exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void every_limit_is_a_400_naming_the_field_and_writes_nothing() {
        UUID community = communityWithAda();
        UUID foreign = found(keycloak.create("other", Map.of()).id(), "OPEN");
        long outbox = outboxRows();

        log("ada", community, "MENTORING", TODAY, 0).expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("minutes");
        log("ada", community, "MENTORING", TODAY, 601).expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("minutes");
        log("ada", community, "MENTORING", TODAY.plusDays(1), 30).expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("date");
        log("ada", community, "MENTORING", TODAY.minusDays(31), 30).expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("date");
        log("ada", community, "DANCING", TODAY, 30).expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("kind");
        log("ada", foreign, "WRITING", TODAY, 30).expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("communityId");
        log("ada", UUID.randomUUID(), "WRITING", TODAY, 30).expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("communityId");
        client().post().uri("/api/contributions").headers(h -> h.setBearerAuth(token("ada")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"kind\":\"WRITING\",\"date\":\"" + TODAY + "\",\"minutes\":5}")
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("communityId");
        // Every mistake of a request at once, in the request's field order.
        client().post().uri("/api/contributions").headers(h -> h.setBearerAuth(token("ada")))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"kind\":\"DANCING\",\"date\":\"" + TODAY.plusDays(1) + "\",\"minutes\":0}")
                .exchange().expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors.length()").isEqualTo(4)
                .jsonPath("$.errors[*].field").isEqualTo(java.util.List.of("communityId", "kind", "date", "minutes"));
        assertThat(outboxRows()).isEqualTo(outbox);

        LocalDate day = TODAY.minusDays(2);
        log("ada", community, "ORGANISING", day, 600).expectStatus().isCreated();
        log("ada", community, "SPEAKING", day, 360).expectStatus().isCreated();
        log("ada", community, "WRITING", day, 1).expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("minutes");

        client().post().uri("/api/contributions").contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void an_entry_older_than_the_edit_window_can_no_longer_be_changed() {
        UUID community = communityWithAda();
        String id = log("ada", community, "WRITING", TODAY, 30).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
        db.sql("UPDATE contribution SET logged_at = now() - interval '15 days' WHERE id = :id")
                .bind("id", UUID.fromString(id)).then().block();

        patch("ada", id, "{\"minutes\":20}").expectStatus().isEqualTo(409);
        client().delete().uri("/api/contributions/" + id).headers(h -> h.setBearerAuth(token("ada"))).exchange()
                .expectStatus().isEqualTo(409);
        assertThat(recordedTypes(id)).containsExactly("guildhall.contribution.logged.v1");
    }

    private UUID communityWithAda() {
        TestUser lead = keycloak.create("clead", Map.of());
        UUID community = found(lead.id(), "OPEN");
        client().post().uri("/api/communities/" + community + "/members").headers(h -> h.setBearerAuth(token("ada")))
                .exchange().expectStatus().isCreated();
        return community;
    }

    private WebTestClient.ResponseSpec log(String user, UUID community, String kind, LocalDate date, int minutes) {
        return client().post().uri("/api/contributions").headers(h -> h.setBearerAuth(token(user)))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("communityId", community.toString(), "kind", kind, "date", date.toString(),
                        "minutes", minutes, "note", "pairing session"))
                .exchange();
    }

    private WebTestClient.ResponseSpec patch(String user, String id, String body) {
        return client().patch().uri("/api/contributions/" + id).headers(h -> h.setBearerAuth(token(user)))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }
}
