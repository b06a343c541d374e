package io.guildhall.community.community;

import io.guildhall.community.CommunityServiceIT;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Founding a community: stored with its first lead and its event in one transaction, then on Kafka. */
class FoundCommunityIT extends CommunityServiceIT {

    private static final String FOUNDED = "guildhall.community.founded.v1";

    @Test
    void grace_founds_a_community_with_charter_and_sponsor_and_it_is_published_as_a_schema_valid_cloudevent() {
        String name = unique("Kotlin Guild");
        String sponsor = personId("katherine");
        Map<?, ?> created = client().post().uri("/api/communities")
                .headers(h -> h.setBearerAuth(token("grace")))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", name, "description", "Kotlin on the JVM", "practiceArea", "Kotlin",
                        "visibility", "REQUEST_TO_JOIN", "sponsorId", sponsor,
                        "charter", Map.of("purpose", "Share Kotlin know-how", "scope", "JVM and multiplatform",
                                "waysOfWorking", "Monthly meetup")))
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().exists("Location")
                .expectHeader().valueEquals("ETag", "\"0\"")
                .expectBody(Map.class).returnResult().getResponseBody();
        String id = (String) created.get("id");
        assertThat(created.get("slug")).isEqualTo(name.toLowerCase().replace(' ', '-'));
        assertThat(created.get("practiceArea")).isEqualTo("kotlin");
        assertThat(created.get("leads")).isEqualTo(java.util.List.of(personId("grace")));
        assertThat(created.get("status")).isEqualTo("ACTIVE");
        assertThat(count("SELECT count(*) FROM community_lead WHERE community_id = :id", UUID.fromString(id))).isEqualTo(1);

        ConsumerRecord<String, byte[]> record = awaitEvents(id, Set.of(FOUNDED)).get(FOUNDED);
        assertThat(json(record)).contains(name).contains("\"sponsorId\":\"" + sponsor + "\"").contains("REQUEST_TO_JOIN");

        for (String reader : new String[]{"ada", "katherine"}) {
            client().get().uri("/api/communities/" + id).headers(h -> h.setBearerAuth(token(reader))).exchange()
                    .expectStatus().isOk()
                    .expectHeader().valueEquals("ETag", "\"0\"")
                    .expectBody()
                    .jsonPath("$.name").isEqualTo(name)
                    .jsonPath("$.charter.purpose").isEqualTo("Share Kotlin know-how")
                    .jsonPath("$.charter.waysOfWorking").isEqualTo("Monthly meetup")
                    .jsonPath("$.sponsorId").isEqualTo(sponsor);
        }
    }

    @Test
    void a_community_lists_where_it_talks_its_leads_change_the_list_and_every_mistake_is_named_at_once() {
        String name = unique("Slack Readers");
        Map<?, ?> created = client().post().uri("/api/communities").headers(h -> h.setBearerAuth(token("grace")))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", name, "description", "Talks a lot", "practiceArea", "talking",
                        "channels", java.util.List.of(
                                Map.of("kind", "SLACK", "url", " https://example.slack.com/archives/C0123 "),
                                Map.of("kind", "MAILING_LIST", "url", "mailto:readers@example.com"))))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        String id = (String) created.get("id");
        client().get().uri("/api/communities/" + id).headers(h -> h.setBearerAuth(token("ada"))).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.channels.length()").isEqualTo(2)
                .jsonPath("$.channels[0].kind").isEqualTo("SLACK")
                .jsonPath("$.channels[0].url").isEqualTo("https://example.slack.com/archives/C0123")
                .jsonPath("$.channels[1].url").isEqualTo("mailto:readers@example.com");

        // Three mistakes in one answer: no kind, a Slack "address" that is none, the same address twice.
        client().patch().uri("/api/communities/" + id).headers(h -> h.setBearerAuth(token("grace")))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"channels\":[{\"url\":\"https://teams.example.com/x\"},{\"kind\":\"SLACK\",\"url\":\"mailto:a@b.c\"},"
                        + "{\"kind\":\"OTHER\",\"url\":\"https://teams.example.com/x\"}]}")
                .exchange().expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[*].field").isEqualTo(java.util.List.of("channels[0].kind", "channels[1].url", "channels[2].url"));
        client().patch().uri("/api/communities/" + id).headers(h -> h.setBearerAuth(token("ada")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("channels", java.util.List.of()))
                .exchange().expectStatus().isForbidden();

        client().patch().uri("/api/communities/" + id).headers(h -> h.setBearerAuth(token("grace")))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("channels", java.util.List.of(Map.of("kind", "TEAMS", "url", "https://teams.example.com/readers"))))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.channels.length()").isEqualTo(1).jsonPath("$.channels[0].kind").isEqualTo("TEAMS");
        // A change of anything else leaves the channels as they are; an empty list removes them.
        client().patch().uri("/api/communities/" + id).headers(h -> h.setBearerAuth(token("grace")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("description", "Talks less"))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.channels.length()").isEqualTo(1);
        client().patch().uri("/api/communities/" + id).headers(h -> h.setBearerAuth(token("grace")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("channels", java.util.List.of()))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.channels.length()").isEqualTo(0);
        assertThat(awaitEvents(id, Set.of("guildhall.community.updated.v1"))).containsKey("guildhall.community.updated.v1");
    }

    @Test
    void a_second_community_with_the_same_name_gets_409_naming_the_field() {
        String name = unique("Rust Circle");
        Map<String, String> body = Map.of("name", name, "description", "Rust", "practiceArea", "rust");
        client().post().uri("/api/communities").headers(h -> h.setBearerAuth(token("grace")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange().expectStatus().isCreated();
        client().post().uri("/api/communities").headers(h -> h.setBearerAuth(token("ada")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("name", name.toUpperCase(), "description", "Rust",
                        "practiceArea", "rust")).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("name");
    }

    @Test
    void bad_input_gets_400_naming_the_field_and_writes_nothing() {
        long before = communities();
        long outboxBefore = db.sql("SELECT count(*) FROM guildhall_outbox").map(r -> r.get(0, Long.class)).one().block();
        expect400("{\"name\":\"\",\"description\":\"x\",\"practiceArea\":\"java\"}", "name");
        expect400("{\"name\":\"" + "n".repeat(121) + "\",\"description\":\"x\",\"practiceArea\":\"java\"}", "name");
        expect400("{\"name\":\"A\",\"practiceArea\":\"java\"}", "description");
        expect400("{\"name\":\"A\",\"description\":\"x\",\"practiceArea\":\"java\",\"visibility\":\"SECRET\"}", "visibility");
        expect400("{\"name\":\"A\",\"description\":\"x\",\"practiceArea\":\"java\",\"charter\":{\"purpose\":\""
                + "p".repeat(4001) + "\"}}", "charter.purpose");
        expect400("{\"name\":\"!!!\",\"description\":\"x\",\"practiceArea\":\"java\"}", "name");
        client().post().uri("/api/communities").headers(h -> h.setBearerAuth(token("grace")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"name\": \"A\",")
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(communities()).isEqualTo(before);
        assertThat(db.sql("SELECT count(*) FROM guildhall_outbox").map(r -> r.get(0, Long.class)).one().block())
                .isEqualTo(outboxBefore);
    }

    @Test
    void without_a_token_it_is_401() {
        client().post().uri("/api/communities").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "X", "description", "x", "practiceArea", "java"))
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        client().get().uri("/api/communities").exchange().expectStatus().isUnauthorized();
        client().get().uri("/api/communities/" + UUID.randomUUID()).exchange().expectStatus().isUnauthorized();
    }

    @Test
    void health_and_openapi_are_public() {
        client().get().uri("/actuator/health").exchange().expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("UP");
        client().get().uri("/v3/api-docs").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.paths['/api/communities']").exists()
                .jsonPath("$.paths['/api/communities/{id}/leads/{personId}']").exists();
        client().get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).value(text -> assertThat(text).contains("guildhall_outbox_pending"));
    }

    private void expect400(String body, String field) {
        client().post().uri("/api/communities").headers(h -> h.setBearerAuth(token("grace")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo(field);
    }

    private long communities() {
        return db.sql("SELECT count(*) FROM community").map(r -> r.get(0, Long.class)).one().block();
    }
}
