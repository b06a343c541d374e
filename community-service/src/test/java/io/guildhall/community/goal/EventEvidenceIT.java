package io.guildhall.community.goal;

import io.guildhall.community.CommunityServiceIT;
import io.guildhall.contracts.CloudEventHeaders;
import io.guildhall.contracts.EventCatalog;
import io.guildhall.contracts.SchemaValidator;
import io.guildhall.contracts.Topics;
import io.guildhall.testsupport.TopicClient;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Goals that measure sessions, attendees and hours progress by themselves from event-service's attendance events. */
class EventEvidenceIT extends CommunityServiceIT {

    // The organisation's today: the services' clock runs in GUILDHALL_TIME_ZONE (default Europe/Berlin).
    static final LocalDate TODAY = LocalDate.now(java.time.ZoneId.of("Europe/Berlin"));

    @Test
    void attendance_at_the_communitys_events_moves_its_goals_once_even_when_redelivered() throws Exception {
        String community = found("grace", unique("Evidence Guild"), "evidence");
        String due = TODAY.plusDays(30).toString();
        String sessions = goal(community, "SESSIONS_HELD", 3, due);
        String attendees = goal(community, "UNIQUE_ATTENDEES", 2, due);
        String hours = goal(community, "HOURS_INVESTED", 2, due);

        UUID event = UUID.randomUUID();
        Instant startsAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String adaFirst = UUID.randomUUID().toString();
        String katherine = UUID.randomUUID().toString();
        String republished = UUID.randomUUID().toString();
        String elsewhere = UUID.randomUUID().toString();
        send(adaFirst, attendance(event, personId("ada"), community, startsAt, 90));
        send(katherine, attendance(event, personId("katherine"), community, startsAt, 60));
        // the broker redelivers the very same message (same ce_id) ...
        send(adaFirst, attendance(event, personId("ada"), community, startsAt, 90));
        // ... and event-service re-publishes the same attendance under a new id
        send(republished, attendance(event, personId("ada"), community, startsAt, 90));
        // attendance at another community's event counts nothing here
        send(elsewhere, attendance(UUID.randomUUID(), personId("grace"), UUID.randomUUID().toString(), startsAt, 45));
        for (String id : new String[]{adaFirst, katherine, republished, elsewhere}) {
            awaitProcessed(id);
        }

        assertThat(level(sessions)).isEqualTo("1.00");
        assertThat(level(attendees)).isEqualTo("2.00");
        assertThat(level(hours)).isEqualTo("2.50");
        assertThat(db.sql("SELECT count(*) FROM guildhall_processed_event WHERE event_id = :id").bind("id", adaFirst)
                .map(r -> r.get(0, Long.class)).one().block()).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM goal_check_in WHERE goal_id = :id AND source = 'EVENT_EVIDENCE'",
                UUID.fromString(attendees))).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM goal_check_in WHERE goal_id = :id", UUID.fromString(sessions))).isEqualTo(1);

        client().get().uri("/api/communities/{c}/goals/{g}", community, attendees).headers(h -> h.setBearerAuth(token("ada")))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("ACHIEVED")
                .jsonPath("$.checkIns[0].source").isEqualTo("EVENT_EVIDENCE")
                .jsonPath("$.checkIns[0].authorId").doesNotExist();
        client().post().uri("/api/communities/{c}/goals/{g}/check-ins", community, hours).headers(h -> h.setBearerAuth(token("grace")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("value", 5)).exchange().expectStatus().isEqualTo(409);

        // The accountability report shows the evidence: the session held in each event goal's window, with its
        // attendees, so a lead can open it (issue 12: goal evidence must be visible).
        client().get().uri("/api/communities/{c}/accountability", community).headers(h -> h.setBearerAuth(token("grace")))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.goals[?(@.metric == 'SESSIONS_HELD')].sessions[0].eventId").isEqualTo(event.toString())
                .jsonPath("$.goals[?(@.metric == 'SESSIONS_HELD')].sessions[0].attendees").isEqualTo(2)
                .jsonPath("$.goals[?(@.metric == 'SESSIONS_HELD')].sessions.length()").isEqualTo(1);

        var events = awaitEvents(community, Set.of("guildhall.community.goal-progress-reported.v1",
                "guildhall.community.goal-status-changed.v1"));
        assertThat(json(events.get("guildhall.community.goal-progress-reported.v1"))).contains("\"source\":\"EVENT_EVIDENCE\"");
        assertThat(json(events.get("guildhall.community.goal-status-changed.v1"))).contains("\"cause\":\"EVENT_EVIDENCE\"");
    }

    private String goal(String community, String metric, int target, String due) {
        return (String) client().post().uri("/api/communities/{c}/goals", community).headers(h -> h.setBearerAuth(token("grace")))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("title", metric, "metric", metric, "target", target, "dueDate", due))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
    }

    private String level(String goalId) {
        return db.sql("SELECT current_value::text FROM goal WHERE id = :id").bind("id", UUID.fromString(goalId))
                .map(r -> r.get(0, String.class)).one().block();
    }

    private void awaitProcessed(String eventId) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(90);
        while (Instant.now().isBefore(deadline)) {
            Long seen = db.sql("SELECT count(*) FROM guildhall_processed_event WHERE event_id = :id").bind("id", eventId)
                    .map(r -> r.get(0, Long.class)).one().block();
            if (seen != null && seen > 0) {
                return;
            }
            Thread.sleep(300);
        }
        throw new AssertionError("community-service never consumed " + eventId);
    }

    private static String attendance(UUID event, String person, String community, Instant startsAt, int minutes) {
        return """
                {"eventId":"%s","personId":"%s","communityId":"%s","category":"COMMUNITY_MEETUP","startsAt":"%s",\
                "endsAt":"%s","timeZone":"Europe/London","minutes":%d,"method":"ORGANISER","recordedBy":"organiser",\
                "recordedAt":"%s"}""".formatted(event, person, community, startsAt, startsAt.plus(Duration.ofHours(2)),
                minutes, Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }

    private static void send(String ceId, String json) {
        byte[] value = json.getBytes(StandardCharsets.UTF_8);
        String type = EventCatalog.ATTENDANCE_RECORDED.type();
        assertThat(SchemaValidator.shared().validate(type, value)).isEmpty();
        String key = json.substring(12, 48);
        CloudEventHeaders headers = new CloudEventHeaders(ceId, type, "/guildhall/event-service", Instant.now(), key,
                "00-" + UUID.randomUUID().toString().replace("-", "") + "-" + "0123456789abcdef" + "-01");
        TopicClient.send(stack.kafkaBootstrapServers(), Topics.EVENT, key, value, headers.toKafkaHeaders());
    }
}
