package io.guildhall.event.rsvp;

import io.guildhall.event.EventServiceITBase;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class RsvpIT extends EventServiceITBase {

    static final Instant NEXT_WEEK = Instant.now().plus(Duration.ofDays(7)).truncatedTo(ChronoUnit.MINUTES);

    @Test
    void a_full_event_waitlists_and_a_freed_seat_promotes_the_first_waiting_and_all_is_published() {
        String id = create("grace", event("Two seats", NEXT_WEEK, 2));

        rsvp("grace", id, "GOING").expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("GOING").jsonPath("$.position").doesNotExist();
        rsvp("ada", id, "GOING").expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("GOING");
        rsvp("katherine", id, "GOING").expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("WAITLISTED").jsonPath("$.position").isEqualTo(1);
        rsvp("katherine", id, "GOING").expectStatus().isOk().expectBody().jsonPath("$.position").isEqualTo(1);
        client().get().uri("/api/events/" + id).headers(h -> h.setBearerAuth(token("ada"))).exchange()
                .expectBody().jsonPath("$.going").isEqualTo(2).jsonPath("$.waitlisted").isEqualTo(1);

        client().delete().uri("/api/events/" + id + "/rsvp").headers(h -> h.setBearerAuth(token("ada"))).exchange()
                .expectStatus().isNoContent();
        client().get().uri("/api/events/" + id + "/rsvp").headers(h -> h.setBearerAuth(token("katherine"))).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("GOING");
        client().get().uri("/api/events/" + id + "/rsvp").headers(h -> h.setBearerAuth(token("ada"))).exchange()
                .expectStatus().isNotFound();

        rsvp("grace", id, "NOT_GOING").expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("NOT_GOING");
        rsvp("ada", id, "GOING").expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("GOING");

        List<String> expected = List.of("guildhall.event.scheduled.v1", "guildhall.event.rsvp-confirmed.v1",
                "guildhall.event.rsvp-confirmed.v1", "guildhall.event.rsvp-waitlisted.v1",
                "guildhall.event.rsvp-cancelled.v1", "guildhall.event.waitlist-promoted.v1",
                "guildhall.event.rsvp-declined.v1", "guildhall.event.rsvp-confirmed.v1");
        List<ConsumerRecord<String, byte[]>> records = published(id, types -> types.size() >= expected.size());
        assertThat(types(records)).containsExactlyElementsOf(expected);
        assertThat(data(records.get(3))).containsEntry("position", 1).containsEntry("personId", personId("katherine"));
        assertThat(data(records.get(4))).containsEntry("previousStatus", "GOING").containsEntry("personId", personId("ada"));
        assertThat(data(records.get(5))).containsEntry("personId", personId("katherine")).containsEntry("category", "TRAINING");
    }

    @Test
    void a_list_of_events_carries_the_callers_own_answer_and_nobody_elses() {
        String id = create("grace", event("One seat, answers shown " + UUID.randomUUID(), NEXT_WEEK, 1));
        rsvp("ada", id, "GOING").expectStatus().isOk();
        rsvp("alan", id, "GOING").expectStatus().isOk();
        assertThat(myAnswer("ada", id)).isEqualTo("GOING");
        assertThat(myAnswer("alan", id)).isEqualTo("WAITLISTED");
        assertThat(myAnswer("katherine", id)).isNull();
    }

    @Test
    void the_online_link_and_who_else_is_going_are_for_the_people_going_the_organiser_and_admins() {
        Map<String, Object> body = new java.util.HashMap<>(event("Online, link inside " + UUID.randomUUID(), NEXT_WEEK, 1));
        body.put("format", "ONLINE");
        body.remove("location");
        body.put("onlineUrl", "https://meet.example.com/inside");
        String id = create("grace", body);
        rsvp("ada", id, "GOING").expectStatus().isOk();
        rsvp("alan", id, "GOING").expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("WAITLISTED");

        for (String inside : List.of("ada", "grace", "dennis")) {
            client().get().uri("/api/events/" + id).headers(h -> h.setBearerAuth(token(inside))).exchange()
                    .expectStatus().isOk().expectBody().jsonPath("$.onlineUrl").isEqualTo("https://meet.example.com/inside");
        }
        client().get().uri("/api/events/" + id + "/going").headers(h -> h.setBearerAuth(token("ada"))).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.count").isEqualTo(1).jsonPath("$.people[0]").isEqualTo(personId("ada"))
                .jsonPath("$.people.length()").isEqualTo(1);
        client().get().uri("/api/events/" + id + "/going").headers(h -> h.setBearerAuth(token("grace"))).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.people[0]").isEqualTo(personId("ada"));
        // On the waitlist, or not answering: the count, never the link or the people.
        for (String outside : List.of("alan", "katherine")) {
            client().get().uri("/api/events/" + id).headers(h -> h.setBearerAuth(token(outside))).exchange()
                    .expectStatus().isOk().expectBody().jsonPath("$.onlineUrl").doesNotExist()
                    .jsonPath("$.going").isEqualTo(1);
            client().get().uri("/api/events/" + id + "/going").headers(h -> h.setBearerAuth(token(outside))).exchange()
                    .expectStatus().isOk().expectBody().jsonPath("$.count").isEqualTo(1).jsonPath("$.people").doesNotExist();
        }
        List<Map<String, Object>> listed = client().get().uri("/api/events?from=" + NEXT_WEEK.minusSeconds(1) + "&to="
                        + NEXT_WEEK.plusSeconds(1) + "&size=100").headers(h -> h.setBearerAuth(token("alan"))).exchange()
                .expectStatus().isOk()
                .expectBodyList(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() { })
                .returnResult().getResponseBody();
        assertThat(listed.stream().filter(e -> id.equals(e.get("id"))).findFirst().orElseThrow().get("onlineUrl")).isNull();
        assertThat(myAnswer("ada", id)).isEqualTo("GOING");

        // A freed seat: alan is promoted, and now he is inside.
        client().delete().uri("/api/events/" + id + "/rsvp").headers(h -> h.setBearerAuth(token("ada"))).exchange()
                .expectStatus().isNoContent();
        client().get().uri("/api/events/" + id).headers(h -> h.setBearerAuth(token("alan"))).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.onlineUrl").isEqualTo("https://meet.example.com/inside")
                .jsonPath("$.myAnswer").isEqualTo("GOING");
        client().get().uri("/api/events/" + id + "/going").exchange().expectStatus().isUnauthorized();
        client().get().uri("/api/events/" + UUID.randomUUID() + "/going").headers(h -> h.setBearerAuth(token("ada")))
                .exchange().expectStatus().isNotFound();
    }

    private Object myAnswer(String user, String id) {
        List<Map<String, Object>> events = client().get().uri("/api/events?from=" + NEXT_WEEK.minusSeconds(1) + "&to="
                        + NEXT_WEEK.plusSeconds(1) + "&size=100").headers(h -> h.setBearerAuth(token(user))).exchange()
                .expectStatus().isOk()
                .expectBodyList(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() { })
                .returnResult().getResponseBody();
        return events.stream().filter(e -> id.equals(e.get("id"))).findFirst().orElseThrow().get("myAnswer");
    }

    @Test
    void nobody_answers_for_someone_else_and_anonymous_callers_cannot_answer() {
        String id = create("grace", event("Mine only", NEXT_WEEK, null));
        client().put().uri("/api/events/" + id + "/rsvp").headers(h -> h.setBearerAuth(token("ada")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("status", "GOING", "personId", personId("grace")))
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        client().put().uri("/api/events/" + id + "/rsvp").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("status", "GOING")).exchange().expectStatus().isUnauthorized();
        client().put().uri("/api/events/" + id + "/rsvp").headers(h -> h.setBearerAuth(token("ada")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("status", "GOING", "personId", personId("ada")))
                .exchange().expectStatus().isOk();
        assertThat(count("SELECT count(*) FROM rsvp WHERE event_id = :id", UUID.fromString(id))).isEqualTo(1);
    }

    @Test
    void bad_answers_are_400_and_closed_events_409_and_nothing_is_written() {
        String id = create("grace", event("Answers", NEXT_WEEK, 3));
        rsvp("ada", id, "MAYBE").expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("status");
        client().put().uri("/api/events/" + id + "/rsvp").headers(h -> h.setBearerAuth(token("ada")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"status\":").exchange().expectStatus().isBadRequest();
        rsvp("ada", UUID.randomUUID().toString(), "GOING").expectStatus().isNotFound();

        String started = create("sophie", event("Started", Instant.now().minusSeconds(600), 3));
        rsvp("ada", started, "GOING").expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("started"));
        Map<String, Object> closing = event("Closed", NEXT_WEEK, 3);
        closing.put("rsvpDeadline", Instant.now().minusSeconds(60).toString());
        String closed = create("grace", closing);
        rsvp("ada", closed, "GOING").expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("deadline"));
        assertThat(count("SELECT count(*) FROM rsvp WHERE event_id = :id", UUID.fromString(id))).isZero();
        assertThat(count("SELECT count(*) FROM rsvp WHERE event_id = :id", UUID.fromString(started))).isZero();
    }
}
