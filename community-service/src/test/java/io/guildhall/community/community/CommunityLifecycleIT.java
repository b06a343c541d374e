package io.guildhall.community.community;

import io.guildhall.community.CommunityServiceIT;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Editing (with ETags), archiving, co-leads, and who may do which. */
class CommunityLifecycleIT extends CommunityServiceIT {

    private static final String UPDATED = "guildhall.community.updated.v1";
    private static final String ARCHIVED = "guildhall.community.archived.v1";
    private static final String ASSIGNED = "guildhall.community.lead-assigned.v1";
    private static final String REMOVED = "guildhall.community.lead-removed.v1";

    @Test
    void a_lead_edits_with_if_match_and_a_stale_etag_gets_412() {
        String id = found("grace", unique("Testing Guild"), "testing");
        patch("grace", id, "\"0\"", Map.of("description", "Tests that matter", "charter", Map.of("purpose", "Better tests")))
                .expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"1\"")
                .expectBody().jsonPath("$.description").isEqualTo("Tests that matter")
                .jsonPath("$.charter.purpose").isEqualTo("Better tests");
        patch("grace", id, "\"0\"", Map.of("description", "Lost update"))
                .expectStatus().isEqualTo(412)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://guildhall.io/problems/stale-version");
        String renamed = unique("Quality Guild");
        patch("grace", id, null, Map.of("name", renamed, "visibility", "REQUEST_TO_JOIN", "sponsorId", personId("katherine")))
                .expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"2\"")
                .expectBody().jsonPath("$.slug").isEqualTo(renamed.toLowerCase().replace(' ', '-'))
                .jsonPath("$.description").isEqualTo("Tests that matter");
        patch("grace", id, "\"2\"", Map.of("sponsorId", "")).expectStatus().isOk()
                .expectBody().jsonPath("$.sponsorId").doesNotExist();

        ConsumerRecord<String, byte[]> updated = awaitEvents(id, Set.of(UPDATED)).get(UPDATED);
        assertThat(json(updated)).contains("\"updatedBy\":\"" + personId("grace") + "\"");
    }

    @Test
    void bad_edits_get_4xx_naming_the_problem_and_change_nothing() {
        String id = found("grace", unique("Edit Guild"), "editing");
        long outbox = outboxRows(id);
        patch("grace", id, null, Map.of("name", " ")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("name");
        patch("grace", id, null, Map.of("visibility", "HIDDEN")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("visibility");
        patch("grace", id, null, Map.of("practiceArea", "x".repeat(61))).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("practiceArea");
        client().patch().uri("/api/communities/" + id).headers(h -> h.setBearerAuth(token("grace")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"name\":").exchange().expectStatus().isBadRequest();
        String other = unique("Taken Name");
        found("ada", other, "editing");
        patch("grace", id, null, Map.of("name", other)).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("name");
        patch("grace", UUID.randomUUID().toString(), null, Map.of("description", "x")).expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        client().get().uri("/api/communities/not-a-uuid").headers(h -> h.setBearerAuth(token("ada"))).exchange()
                .expectStatus().isBadRequest();
        client().get().uri("/api/communities/" + id).headers(h -> h.setBearerAuth(token("grace"))).exchange()
                .expectHeader().valueEquals("ETag", "\"0\"");
        assertThat(outboxRows(id)).isEqualTo(outbox);
    }

    @Test
    void only_the_communitys_leads_change_it() {
        String adas = found("ada", unique("Ada's Circle"), "math");
        String graces = found("grace", unique("Grace's Circle"), "compilers");
        long outbox = outboxRows(adas);

        // grace holds the realm role community-lead, but she does not lead ada's community
        patch("grace", adas, null, Map.of("description", "hijack")).expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        patch("katherine", adas, null, Map.of("description", "exec edit")).expectStatus().isForbidden();
        post("grace", "/api/communities/" + adas + "/archive").expectStatus().isForbidden();
        post("grace", "/api/communities/" + adas + "/leads/" + personId("grace")).expectStatus().isForbidden();
        delete("grace", "/api/communities/" + adas + "/leads/" + personId("ada")).expectStatus().isForbidden();
        patch("ada", graces, null, Map.of("description", "hijack")).expectStatus().isForbidden();
        client().patch().uri("/api/communities/" + adas).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("description", "anon")).exchange().expectStatus().isUnauthorized();
        client().post().uri("/api/communities/" + adas + "/archive").exchange().expectStatus().isUnauthorized();
        assertThat(outboxRows(adas)).isEqualTo(outbox);

        patch("ada", adas, null, Map.of("description", "Numbers")).expectStatus().isOk();
        patch("grace", graces, null, Map.of("description", "Parsers")).expectStatus().isOk();
    }

    @Test
    void leads_add_and_remove_co_leads_but_never_the_last_one() {
        String id = found("grace", unique("Lead Guild"), "leadership");
        String grace = personId("grace");
        String ada = personId("ada");

        post("grace", "/api/communities/" + id + "/leads/" + ada).expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"1\"")
                .expectBody().jsonPath("$.leads").isEqualTo(List.of(grace, ada));
        post("grace", "/api/communities/" + id + "/leads/" + ada).expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"1\"");
        // ada is only an employee by realm role, but she leads this community now
        patch("ada", id, null, Map.of("description", "Co-led")).expectStatus().isOk();
        delete("ada", "/api/communities/" + id + "/leads/" + grace).expectStatus().isOk()
                .expectBody().jsonPath("$.leads").isEqualTo(List.of(ada));
        delete("ada", "/api/communities/" + id + "/leads/" + ada).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("personId");
        delete("ada", "/api/communities/" + id + "/leads/someone-else").expectStatus().isNotFound();
        patch("grace", id, null, Map.of("description", "no longer a lead")).expectStatus().isForbidden();
        assertThat(count("SELECT count(*) FROM community_lead WHERE community_id = :id", UUID.fromString(id))).isEqualTo(1);

        Map<String, ConsumerRecord<String, byte[]>> events = awaitEvents(id, Set.of(ASSIGNED, REMOVED));
        assertThat(json(events.get(ASSIGNED))).contains("\"personId\":\"" + ada + "\"", "\"assignedBy\":\"" + grace + "\"");
        assertThat(json(events.get(REMOVED))).contains("\"personId\":\"" + grace + "\"", "\"removedBy\":\"" + ada + "\"");
        assertThat(db.sql("SELECT count(*) FROM guildhall_outbox WHERE message_key = :k AND ce_type = :t")
                .bind("k", id).bind("t", ASSIGNED).map(r -> r.get(0, Long.class)).one().block()).isEqualTo(1);
    }

    @Test
    void archiving_keeps_the_community_readable_but_frozen() {
        String area = "archaeology-" + UUID.randomUUID().toString().substring(0, 6);
        String id = found("grace", unique("Old Guild"), area);
        post("grace", "/api/communities/" + id + "/archive").expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("ARCHIVED")
                .jsonPath("$.archivedBy").isEqualTo(personId("grace"));
        post("grace", "/api/communities/" + id + "/archive").expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("status");
        patch("grace", id, null, Map.of("description", "too late")).expectStatus().isEqualTo(409);
        post("grace", "/api/communities/" + id + "/leads/" + personId("ada")).expectStatus().isEqualTo(409);
        client().get().uri("/api/communities/" + id).headers(h -> h.setBearerAuth(token("ada"))).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("ARCHIVED");
        client().get().uri("/api/communities?practiceArea=" + area).headers(h -> h.setBearerAuth(token("ada"))).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.totalItems").isEqualTo(0);
        client().get().uri("/api/communities?status=ARCHIVED&practiceArea=" + area).headers(h -> h.setBearerAuth(token("ada")))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.items[0].id").isEqualTo(id);
        assertThat(json(awaitEvents(id, Set.of(ARCHIVED)).get(ARCHIVED))).contains(personId("grace"));
    }

    @Test
    void communities_are_searched_by_text_and_practice_area_paginated_and_sorted() {
        String area = "Search-" + UUID.randomUUID().toString().substring(0, 6);
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String a = found("grace", "Alpha " + marker, area);
        String b = found("ada", "Beta " + marker, area);
        String c = found("grace", "Gamma " + marker, area);
        found("grace", "Delta " + marker, "elsewhere");

        client().get().uri("/api/communities?practiceArea={a}&size=2&page=0", area).headers(h -> h.setBearerAuth(token("katherine")))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.totalItems").isEqualTo(3).jsonPath("$.totalPages").isEqualTo(2)
                .jsonPath("$.items.length()").isEqualTo(2)
                .jsonPath("$.items[0].id").isEqualTo(a).jsonPath("$.items[1].id").isEqualTo(b)
                .jsonPath("$.items[0].leads[0]").isEqualTo(personId("grace"));
        client().get().uri("/api/communities?practiceArea={a}&size=2&page=1", area).headers(h -> h.setBearerAuth(token("ada")))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.items[0].id").isEqualTo(c);
        client().get().uri("/api/communities?practiceArea={a}&sort=name&direction=desc", area.toUpperCase())
                .headers(h -> h.setBearerAuth(token("ada")))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.items[0].id").isEqualTo(c);
        client().get().uri("/api/communities?q={q}", "BETA " + marker).headers(h -> h.setBearerAuth(token("ada")))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.totalItems").isEqualTo(1).jsonPath("$.items[0].id").isEqualTo(b);
        client().get().uri("/api/communities?q={q}", marker).headers(h -> h.setBearerAuth(token("ada")))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.totalItems").isEqualTo(4);
        client().get().uri("/api/communities?q=%25").headers(h -> h.setBearerAuth(token("ada")))
                .exchange().expectStatus().isOk();

        client().get().uri("/api/communities?sort=secret").headers(h -> h.setBearerAuth(token("ada"))).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("sort");
        client().get().uri("/api/communities?size=1000").headers(h -> h.setBearerAuth(token("ada"))).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("size");
        client().get().uri("/api/communities?status=GONE").headers(h -> h.setBearerAuth(token("ada"))).exchange()
                .expectStatus().isBadRequest();
    }

    @Test
    void concurrent_edits_never_lose_an_update_a_racing_write_gets_409() {
        String id = found("grace", unique("Busy Guild"), "concurrency");
        String token = token("grace");
        List<Integer> statuses = reactor.core.publisher.Flux.range(0, 6)
                .flatMap(i -> org.springframework.web.reactive.function.client.WebClient.create("http://127.0.0.1:" + port)
                        .patch().uri("/api/communities/" + id).headers(h -> h.setBearerAuth(token))
                        .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("description", "edit " + i))
                        .exchangeToMono(response -> reactor.core.publisher.Mono.just(response.statusCode().value())))
                .collectList().block(java.time.Duration.ofSeconds(60));
        assertThat(statuses).hasSize(6).allMatch(status -> status == 200 || status == 409).contains(200);
        long succeeded = statuses.stream().filter(status -> status == 200).count();
        client().get().uri("/api/communities/" + id).headers(h -> h.setBearerAuth(token)).exchange()
                .expectHeader().valueEquals("ETag", "\"" + succeeded + "\"");
        assertThat(db.sql("SELECT count(*) FROM guildhall_outbox WHERE message_key = :k AND ce_type = :t")
                .bind("k", id).bind("t", UPDATED).map(r -> r.get(0, Long.class)).one().block()).isEqualTo(succeeded);
    }

    @Test
    void two_concurrent_removals_cannot_leave_a_community_without_a_lead() {
        String id = found("grace", unique("Two Leads"), "concurrency");
        String grace = personId("grace");
        String ada = personId("ada");
        post("grace", "/api/communities/" + id + "/leads/" + ada).expectStatus().isOk();
        String token = token("grace");
        List<Integer> statuses = reactor.core.publisher.Flux.just(grace, ada)
                .flatMap(person -> org.springframework.web.reactive.function.client.WebClient.create("http://127.0.0.1:" + port)
                        .delete().uri("/api/communities/" + id + "/leads/" + person).headers(h -> h.setBearerAuth(token))
                        .exchangeToMono(response -> reactor.core.publisher.Mono.just(response.statusCode().value())))
                .collectList().block(java.time.Duration.ofSeconds(60));
        // whichever runs second finds grace no longer a lead (403) or ada the last lead (409)
        assertThat(statuses).containsOnlyOnce(200).hasSize(2);
        assertThat(count("SELECT count(*) FROM community_lead WHERE community_id = :id", UUID.fromString(id))).isEqualTo(1);
    }

    private WebTestClient.ResponseSpec patch(String user, String id, String ifMatch, Map<String, ?> body) {
        return client().patch().uri("/api/communities/" + id)
                .headers(h -> {
                    h.setBearerAuth(token(user));
                    if (ifMatch != null) {
                        h.setIfMatch(ifMatch);
                    }
                })
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private WebTestClient.ResponseSpec post(String user, String path) {
        return client().post().uri(path).headers(h -> h.setBearerAuth(token(user))).exchange();
    }

    private WebTestClient.ResponseSpec delete(String user, String path) {
        return client().delete().uri(path).headers(h -> h.setBearerAuth(token(user))).exchange();
    }
}
