package io.guildhall.community.community;

import io.guildhall.community.CommunityServiceIT;
import io.guildhall.contracts.CloudEventHeaders;
import io.guildhall.contracts.Topics;
import io.guildhall.contracts.event.EventScheduled;
import io.guildhall.testsupport.TopicClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17, item 4: a community with no event for 90 days becomes INACTIVE; a lead renews it, and so does an event
 * scheduled for it; each change is published.
 */
class InactivityIT extends CommunityServiceIT {

    private static final String INACTIVE = "guildhall.community.became-inactive.v1";
    private static final String RENEWED = "guildhall.community.renewed.v1";

    @Autowired
    CommunityLifecycle lifecycle;

    @Test
    void a_quiet_community_becomes_inactive_its_lead_renews_it_and_a_scheduled_event_renews_it_too() {
        String name = unique("Quiet Circle");
        String id = found("grace", name, "quiet");
        quietFor(id, 100);
        assertThat(lifecycle.check(Instant.now()).block()).isGreaterThanOrEqualTo(1);
        status(id, "INACTIVE");
        assertThat(json(awaitEvents(id, Set.of(INACTIVE)).get(INACTIVE))).contains("\"inactiveAfterDays\":90");
        // Still listed (by default every community not archived), and on its own under status=INACTIVE.
        client().get().uri("/api/communities?q=" + name.replace(' ', '+')).headers(h -> h.setBearerAuth(token("ada")))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.items[0].status").isEqualTo("INACTIVE");
        client().get().uri("/api/communities?status=INACTIVE&q=" + name.replace(' ', '+')).headers(h -> h.setBearerAuth(token("ada")))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.totalItems").isEqualTo(1);

        renew("ada", id).expectStatus().isForbidden();
        client().post().uri("/api/communities/" + id + "/renew").exchange().expectStatus().isUnauthorized();
        renew("grace", id).expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("ACTIVE");
        renew("grace", id).expectStatus().isEqualTo(409);
        assertThat(json(awaitEvents(id, Set.of(RENEWED)).get(RENEWED))).contains("\"renewedBy\":\"" + personId("grace") + "\"");
        // Renewed now: the check leaves it alone.
        lifecycle.check(Instant.now()).block();
        status(id, "ACTIVE");

        // Quiet again, then an event of it is scheduled: active again, renewed by nobody in particular.
        quietFor(id, 120);
        lifecycle.check(Instant.now()).block();
        status(id, "INACTIVE");
        scheduled(UUID.fromString(id), Instant.now().plus(Duration.ofDays(3)));
        Instant deadline = Instant.now().plusSeconds(60);
        while (!"ACTIVE".equals(statusOf(id))) {
            assertThat(Instant.now()).as("the scheduled event renews the community").isBefore(deadline);
            pause();
        }
    }

    @Test
    void a_community_with_a_recent_event_or_founding_stays_active() {
        String id = found("grace", unique("Busy Circle"), "busy");
        quietFor(id, 89);
        lifecycle.check(Instant.now()).block();
        status(id, "ACTIVE");
    }

    private void quietFor(String id, int days) {
        db.sql("UPDATE community SET last_activity_at = :at WHERE id = :id")
                .bind("at", OffsetDateTime.now(ZoneOffset.UTC).minusDays(days)).bind("id", UUID.fromString(id)).then().block();
    }

    private void status(String id, String expected) {
        assertThat(statusOf(id)).isEqualTo(expected);
    }

    private String statusOf(String id) {
        return (String) client().get().uri("/api/communities/" + id).headers(h -> h.setBearerAuth(token("ada"))).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody().get("status");
    }

    private WebTestClient.ResponseSpec renew(String user, String id) {
        return client().post().uri("/api/communities/" + id + "/renew").headers(h -> h.setBearerAuth(token(user))).exchange();
    }

    private void scheduled(UUID community, Instant startsAt) {
        EventScheduled event = new EventScheduled(UUID.randomUUID(), null, "Back again", null, "COMMUNITY_MEETUP", "IN_PERSON",
                startsAt, startsAt.plus(Duration.ofHours(1)), "Europe/London", "Room 1", null, null, null,
                personId("grace"), community, Instant.now(), false);
        TopicClient.send(stack.kafkaBootstrapServers(), Topics.EVENT, event.aggregateId(),
                JsonMapper.builder().build().writeValueAsBytes(event),
                CloudEventHeaders.newEvent(event, "/event-service", Instant.now(), null).toKafkaHeaders());
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
