package io.guildhall.membership.membership;

import io.guildhall.contracts.CloudEventHeaders;
import io.guildhall.contracts.EventCatalog;
import io.guildhall.contracts.Topics;
import io.guildhall.contracts.community.CommunityArchived;
import io.guildhall.membership.KeycloakTestUsers;
import io.guildhall.membership.KeycloakTestUsers.TestUser;
import io.guildhall.membership.MembershipServiceIT;
import io.guildhall.testsupport.TopicClient;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;

/** Joining, requesting, deciding, leaving and archiving, with real tokens per role. */
class MembershipIT extends MembershipServiceIT {

    private TestUser lead;
    private String leadToken;

    @BeforeEach
    void aLead() {
        lead = keycloak.create("lead", Map.of("department", List.of("Engineering")));
        leadToken = stack.accessToken(lead.username(), KeycloakTestUsers.PASSWORD);
    }

    @Test
    void ada_joins_an_open_community_at_once_cannot_join_twice_and_leaves() {
        UUID community = found(lead.id(), "OPEN");
        String ada = personId("ada");

        client().post().uri("/api/communities/" + community + "/members").headers(h -> h.setBearerAuth(token("ada")))
                .exchange().expectStatus().isCreated().expectBody()
                .jsonPath("$.status").isEqualTo("JOINED")
                .jsonPath("$.role").isEqualTo("MEMBER");
        client().post().uri("/api/communities/" + community + "/members").headers(h -> h.setBearerAuth(token("ada")))
                .exchange().expectStatus().isEqualTo(409).expectBody().jsonPath("$.errors[0].field").isEqualTo("communityId");

        client().get().uri("/api/memberships/me").headers(h -> h.setBearerAuth(token("ada"))).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.communities[?(@.communityId == '" + community + "')].role").isEqualTo("MEMBER");
        for (String reader : List.of("ada", "katherine")) {
            client().get().uri("/api/communities/" + community + "/members").headers(h -> h.setBearerAuth(token(reader)))
                    .exchange().expectStatus().isOk().expectBody()
                    .jsonPath("$.count").isEqualTo(2)
                    .jsonPath("$.members[0].role").isEqualTo("LEAD")
                    .jsonPath("$.members[?(@.personId == '" + ada + "')]").exists();
        }
        client().get().uri("/api/communities/" + community + "/members").headers(h -> h.setBearerAuth(token("grace")))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.count").isEqualTo(2)
                .jsonPath("$.members").doesNotExist();

        client().delete().uri("/api/communities/" + community + "/members/me").headers(h -> h.setBearerAuth(leadToken))
                .exchange().expectStatus().isEqualTo(409).expectBody().jsonPath("$.errors[0].field").isEqualTo("role");
        client().delete().uri("/api/communities/" + community + "/members/me").headers(h -> h.setBearerAuth(token("ada")))
                .exchange().expectStatus().isNoContent();
        client().delete().uri("/api/communities/" + community + "/members/me").headers(h -> h.setBearerAuth(token("ada")))
                .exchange().expectStatus().isNotFound();

        assertThat(recordedTypes(community.toString())).containsSubsequence("guildhall.membership.joined.v1",
                "guildhall.membership.joined.v1", "guildhall.membership.left.v1");
        assertThat(recorded(community.toString(), "guildhall.membership.left.v1").get(0)).contains(ada).contains("\"LEFT\"");
        awaitPublished(Topics.MEMBERSHIP, community.toString(), "guildhall.membership.left.v1", json -> json.contains(ada));
        client().get().uri("/api/memberships/me/history").headers(h -> h.setBearerAuth(token("ada"))).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$[?(@.communityId == '" + community + "')].change").isEqualTo(List.of("JOINED", "LEFT"));
    }

    @Test
    void a_request_to_join_is_declined_with_a_reason_then_approved_by_a_lead_and_only_by_a_lead() {
        UUID community = found(lead.id(), "REQUEST_TO_JOIN");
        String requestId = request(community);
        client().post().uri("/api/communities/" + community + "/members").headers(h -> h.setBearerAuth(token("ada")))
                .exchange().expectStatus().isEqualTo(409);

        client().get().uri("/api/communities/" + community + "/membership-requests").headers(h -> h.setBearerAuth(token("grace")))
                .exchange().expectStatus().isForbidden();
        decide(community, requestId, token("grace"), "{\"decision\":\"APPROVED\"}").expectStatus().isForbidden();
        decide(community, requestId, leadToken, "{\"decision\":\"MAYBE\"}").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("decision");
        decide(community, requestId, leadToken, "{\"decision\":\"DECLINED\"}").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("reason");
        client().get().uri("/api/communities/" + community + "/membership-requests").headers(h -> h.setBearerAuth(leadToken))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$[0].id").isEqualTo(requestId);
        decide(community, requestId, leadToken, "{\"decision\":\"DECLINED\",\"reason\":\"Full this quarter\"}")
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("DECLINED");
        decide(community, requestId, leadToken, "{\"decision\":\"APPROVED\"}").expectStatus().isEqualTo(409);

        String second = request(community);
        decide(community, second, leadToken, "{\"decision\":\"APPROVED\"}").expectStatus().isOk();
        client().get().uri("/api/communities/" + community + "/members").headers(h -> h.setBearerAuth(token("ada")))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.count").isEqualTo(2);
        assertThat(recordedTypes(community.toString())).containsSubsequence("guildhall.membership.requested.v1",
                "guildhall.membership.request-decided.v1", "guildhall.membership.requested.v1",
                "guildhall.membership.request-decided.v1", "guildhall.membership.joined.v1");
        // The reason is free text about the person: kept here (the person reads it), never published (docs/privacy.md).
        assertThat(recorded(community.toString(), "guildhall.membership.request-decided.v1").get(0))
                .contains("DECLINED").contains("\"reason\":null").doesNotContain("Full this quarter");
    }

    @Test
    void an_archived_community_closes_its_memberships_and_takes_no_one_and_an_unknown_one_is_404() {
        UUID community = found(lead.id(), "OPEN");
        client().post().uri("/api/communities/" + community + "/members").headers(h -> h.setBearerAuth(token("ada")))
                .exchange().expectStatus().isCreated();
        publishCommunityEvent(new CommunityArchived(community, lead.id(), Instant.now()));
        await("memberships closed").atMost(Duration.ofSeconds(30)).until(() -> count("SELECT count(*) FROM membership WHERE community_id = :c AND left_at IS NULL",
                Map.of("c", community)) == 0);
        assertThat(recorded(community.toString(), "guildhall.membership.left.v1"))
                .hasSize(2).allMatch(json -> json.contains("COMMUNITY_ARCHIVED"));

        long outbox = outboxRows();
        client().post().uri("/api/communities/" + community + "/members").headers(h -> h.setBearerAuth(token("ada")))
                .exchange().expectStatus().isEqualTo(409).expectBody().jsonPath("$.errors[0].field").isEqualTo("communityId");
        client().post().uri("/api/communities/" + UUID.randomUUID() + "/members").headers(h -> h.setBearerAuth(token("ada")))
                .exchange().expectStatus().isNotFound();
        client().post().uri("/api/communities/" + community + "/members").exchange().expectStatus().isUnauthorized();
        client().get().uri("/api/memberships/me").exchange().expectStatus().isUnauthorized();
        assertThat(outboxRows()).isEqualTo(outbox);
    }

    @Test
    void a_community_event_that_violates_its_schema_goes_to_the_dead_letter_topic_and_the_consumer_carries_on() {
        UUID broken = UUID.randomUUID();
        CloudEventHeaders headers = CloudEventHeaders.newEvent(
                EventCatalog.COMMUNITY_FOUNDED, "/community-service", broken.toString(), Instant.now(), null);
        TopicClient.send(stack.kafkaBootstrapServers(), COMMUNITY_TOPIC, broken.toString(),
                ("{\"communityId\":\"" + broken + "\"}").getBytes(StandardCharsets.UTF_8), headers.toKafkaHeaders());

        ConsumerRecord<String, byte[]> parked = TopicClient.find(stack.kafkaBootstrapServers(),
                Topics.deadLetterOf(COMMUNITY_TOPIC), record -> broken.toString().equals(record.key()),
                Duration.ofSeconds(60)).orElse(null);
        assertThat(parked).as("dead letter for " + broken).isNotNull();
        assertThat(header(parked, CloudEventHeaders.DEAD_LETTER_CONSUMER)).isEqualTo("membership-service");
        assertThat(header(parked, CloudEventHeaders.DEAD_LETTER_REASON)).contains("slug");
        assertThat(count("SELECT count(*) FROM community WHERE id = :c", Map.of("c", broken))).isZero();

        found(keycloak.create("after", Map.of()).id(), "OPEN");
    }

    private String request(UUID community) {
        return (String) client().post().uri("/api/communities/" + community + "/members")
                .headers(h -> h.setBearerAuth(token("ada"))).exchange()
                .expectStatus().isAccepted()
                .expectBody(Map.class).returnResult().getResponseBody().get("requestId");
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec decide(UUID community, String requestId,
                                                                                         String token, String body) {
        return client().post().uri("/api/communities/" + community + "/membership-requests/" + requestId + "/decision")
                .headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }
}
