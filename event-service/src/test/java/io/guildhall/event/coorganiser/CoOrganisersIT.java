package io.guildhall.event.coorganiser;

import io.guildhall.event.EventServiceITBase;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 17, item 6: co-organisers check people in and see the attendees, but cannot edit or cancel the event. */
class CoOrganisersIT extends EventServiceITBase {

    @Test
    void the_organiser_adds_a_co_organiser_who_checks_people_in_but_cannot_edit_or_cancel_then_removes_them() {
        Instant started = Instant.now().minus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> body = new HashMap<>(event("Helped along " + UUID.randomUUID(), started, null));
        body.put("format", "HYBRID");
        body.put("onlineUrl", "https://meet.example.com/helped");
        // sophie (realm role organiser) may schedule an event that has already started, so its check-in is open.
        String id = create("sophie", body);
        String ada = personId("ada");

        attendees("ada", id).expectStatus().isForbidden();
        coOrganiser("PUT", "ada", id, ada).expectStatus().isForbidden();
        coOrganiser("PUT", "katherine", id, personId("katherine")).expectStatus().isForbidden();
        client().put().uri("/api/events/{id}/co-organisers/{p}", id, ada).exchange().expectStatus().isUnauthorized();
        client().get().uri("/api/events/{id}/co-organisers", UUID.randomUUID()).headers(h -> h.setBearerAuth(token("ada")))
                .exchange().expectStatus().isNotFound();
        coOrganiser("PUT", "sophie", UUID.randomUUID().toString(), ada).expectStatus().isNotFound();
        coOrganiser("PUT", "sophie", id, personId("sophie")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("personId");

        coOrganiser("PUT", "sophie", id, ada).expectStatus().isOk().expectBody()
                .jsonPath("$.coOrganisers").isEqualTo(List.of(ada));
        coOrganiser("PUT", "sophie", id, ada).expectStatus().isOk().expectBody()
                .jsonPath("$.coOrganisers.length()").isEqualTo(1);
        client().get().uri("/api/events/{id}/co-organisers", id).headers(h -> h.setBearerAuth(token("katherine")))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.coOrganisers[0]").isEqualTo(ada);

        // Ada helps: she sees the attendees and the code, checks katherine in, sees the link and who is going...
        attendees("ada", id).expectStatus().isOk().expectBody().jsonPath("$.checkInCode").isNotEmpty();
        checkIn("ada", id, Map.of("personId", personId("katherine"))).expectStatus().isOk()
                .expectBody().jsonPath("$.method").isEqualTo("ORGANISER");
        client().get().uri("/api/events/" + id).headers(h -> h.setBearerAuth(token("ada"))).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.onlineUrl").isEqualTo("https://meet.example.com/helped");
        client().get().uri("/api/events/" + id + "/going").headers(h -> h.setBearerAuth(token("ada"))).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.people").isArray();
        // ... and finds it among her own events ...
        List<Map<String, Object>> mine = client().get().uri("/api/events?mine=true&from=" + started.minusSeconds(1)
                        + "&to=" + started.plusSeconds(1) + "&size=100").headers(h -> h.setBearerAuth(token("ada")))
                .exchange().expectStatus().isOk()
                .expectBodyList(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() { })
                .returnResult().getResponseBody();
        assertThat(mine).extracting(e -> e.get("id")).contains(id);
        // ... but neither edits nor cancels it, nor chooses co-organisers, nor records her own attendance.
        client().patch().uri("/api/events/" + id).headers(h -> h.setBearerAuth(token("ada")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("title", "Mine now")).exchange()
                .expectStatus().isForbidden();
        client().post().uri("/api/events/" + id + "/cancel").headers(h -> h.setBearerAuth(token("ada"))).exchange()
                .expectStatus().isForbidden();
        coOrganiser("PUT", "ada", id, personId("alan")).expectStatus().isForbidden();
        checkIn("ada", id, Map.of("personId", ada)).expectStatus().isForbidden();

        coOrganiser("DELETE", "sophie", id, ada).expectStatus().isOk().expectBody().jsonPath("$.coOrganisers.length()").isEqualTo(0);
        coOrganiser("DELETE", "sophie", id, ada).expectStatus().isNotFound();
        attendees("ada", id).expectStatus().isForbidden();
        client().get().uri("/api/events/" + id).headers(h -> h.setBearerAuth(token("ada"))).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.onlineUrl").doesNotExist();

        List<String> types = types(published(id, found -> found.contains("guildhall.event.co-organiser-removed.v1")));
        assertThat(types).containsSubsequence("guildhall.event.co-organiser-added.v1", "guildhall.event.attendance-recorded.v1",
                "guildhall.event.co-organiser-removed.v1");
        assertThat(types.stream().filter("guildhall.event.co-organiser-added.v1"::equals).count())
                .as("adding twice publishes once").isEqualTo(1);
    }

    private WebTestClient.ResponseSpec coOrganiser(String method, String user, String event, String person) {
        return client().method(org.springframework.http.HttpMethod.valueOf(method))
                .uri("/api/events/{id}/co-organisers/{p}", event, person).headers(h -> h.setBearerAuth(token(user)))
                .exchange();
    }

    private WebTestClient.ResponseSpec attendees(String user, String event) {
        return client().get().uri("/api/events/" + event + "/attendees").headers(h -> h.setBearerAuth(token(user))).exchange();
    }

    private WebTestClient.ResponseSpec checkIn(String user, String event, Map<String, Object> body) {
        return client().post().uri("/api/events/" + event + "/check-ins").headers(h -> h.setBearerAuth(token(user)))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }
}
