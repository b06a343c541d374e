package io.guildhall.event.feedback;

import io.guildhall.contracts.Topics;
import io.guildhall.contracts.community.LeadAssigned;
import io.guildhall.event.EventServiceITBase;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17, item 2: people checked in rate an event once and may change it; the organiser and the community's leads
 * read an anonymous summary, the count alone under 5 answers; Kafka carries the ratings without people.
 */
class FeedbackIT extends EventServiceITBase {

    @Test
    void checked_in_attendees_rate_once_the_leads_read_an_anonymous_summary_from_five_answers() {
        UUID community = UUID.randomUUID();
        foundedBy("grace", community);
        Map<String, Object> body = event("Retro night " + community, Instant.now().minus(Duration.ofMinutes(100))
                .truncatedTo(ChronoUnit.SECONDS), null);
        body.put("type", "COMMUNITY_MEETUP");
        body.put("communityId", community.toString());
        String id = create("grace", body);

        give("ada", id, Map.of("rating", 5)).expectStatus().isForbidden();
        client().get().uri("/api/events/" + id + "/feedback/mine").headers(h -> h.setBearerAuth(token("ada")))
                .exchange().expectStatus().isForbidden();
        List<String> people = List.of("ada", "alan", "katherine", "barbara", "edsger");
        for (String person : people) {
            client().post().uri("/api/events/" + id + "/check-ins").headers(h -> h.setBearerAuth(token("grace")))
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("personId", personId(person))).exchange()
                    .expectStatus().isOk();
        }
        client().get().uri("/api/events/" + id + "/feedback/mine").headers(h -> h.setBearerAuth(token("ada")))
                .exchange().expectStatus().isNotFound();
        give("ada", id, Map.of("rating", 6, "comment", "x".repeat(2001))).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[*].field").isEqualTo(List.of("rating", "comment"));
        give("ada", id, Map.of()).expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("rating");
        give("ada", id, Map.of("rating", 4, "comment", "Good pace")).expectStatus().isCreated().expectBody()
                .jsonPath("$.rating").isEqualTo(4).jsonPath("$.editableUntil").isNotEmpty();
        give("ada", id, Map.of("rating", 1)).expectStatus().isEqualTo(409);
        client().put().uri("/api/events/" + id + "/feedback").headers(h -> h.setBearerAuth(token("ada")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("rating", 5, "comment", "Great pace"))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.rating").isEqualTo(5);
        client().get().uri("/api/events/" + id + "/feedback/mine").headers(h -> h.setBearerAuth(token("ada")))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.comment").isEqualTo("Great pace");
        give("alan", id, Map.of("rating", 3)).expectStatus().isCreated();
        give("katherine", id, Map.of("rating", 4, "comment", "A bit long")).expectStatus().isCreated();
        give("barbara", id, Map.of("rating", 4)).expectStatus().isCreated();

        // Four answers: the count alone.
        summary("grace", id).expectStatus().isOk().expectBody()
                .jsonPath("$.count").isEqualTo(4).jsonPath("$.suppressed").isEqualTo(true)
                .jsonPath("$.mean").doesNotExist().jsonPath("$.comments").doesNotExist();
        give("edsger", id, Map.of("rating", 2)).expectStatus().isCreated();
        String summary = summary("grace", id).expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(summary).contains("\"count\":5", "\"suppressed\":false", "\"mean\":3.6",
                "\"distribution\":{\"1\":0,\"2\":1,\"3\":1,\"4\":2,\"5\":1}", "\"comments\":[\"A bit long\",\"Great pace\"]");
        for (String person : people) {
            assertThat(summary).doesNotContain(personId(person));
        }

        // Another lead of the community reads it; people who only attended, and executives, do not.
        publish(Topics.COMMUNITY, new LeadAssigned(community, personId("radia"), personId("grace"), Instant.now()));
        awaitLead(community, personId("radia"), true);
        summary("radia", id).expectStatus().isOk();
        summary("ada", id).expectStatus().isForbidden();
        summary("katherine", id).expectStatus().isForbidden();
        summary("dennis", id).expectStatus().isOk();
        client().get().uri("/api/events/" + id + "/feedback").exchange().expectStatus().isUnauthorized();

        // On Kafka: five ratings and one change, none naming a person or carrying a comment.
        List<ConsumerRecord<String, byte[]>> records = published(id,
                types -> types.stream().filter("guildhall.event.feedback-given.v1"::equals).count() == 5
                        && types.contains("guildhall.event.feedback-changed.v1"));
        String feedbackEvents = records.stream().filter(r -> new String(r.headers().lastHeader("ce_type").value())
                .startsWith("guildhall.event.feedback")).map(r -> new String(r.value())).reduce("", String::concat);
        assertThat(feedbackEvents).contains("\"previousRating\":4").doesNotContain("Great pace").doesNotContain("personId");
        for (String person : people) {
            assertThat(feedbackEvents).doesNotContain(personId(person));
        }
    }

    @Test
    void a_cancelled_event_takes_no_feedback() {
        Instant started = Instant.now().minus(Duration.ofMinutes(100)).truncatedTo(ChronoUnit.SECONDS);
        String id = create("sophie", event("Called off " + UUID.randomUUID(), started, null));
        client().post().uri("/api/events/" + id + "/check-ins").headers(h -> h.setBearerAuth(token("sophie")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("personId", personId("ada"))).exchange()
                .expectStatus().isOk();
        client().post().uri("/api/events/" + id + "/cancel").headers(h -> h.setBearerAuth(token("sophie"))).exchange()
                .expectStatus().isOk();
        give("ada", id, Map.of("rating", 5)).expectStatus().isEqualTo(409);
    }

    private WebTestClient.ResponseSpec give(String user, String event, Map<String, Object> body) {
        return client().post().uri("/api/events/" + event + "/feedback").headers(h -> h.setBearerAuth(token(user)))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private WebTestClient.ResponseSpec summary(String user, String event) {
        return client().get().uri("/api/events/" + event + "/feedback").headers(h -> h.setBearerAuth(token(user))).exchange();
    }
}
