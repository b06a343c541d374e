package io.guildhall.event.attendance;

import io.guildhall.event.EventServiceITBase;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class AttendanceIT extends EventServiceITBase {

    @Autowired
    NoShows noShows;

    @Test
    void the_organiser_checks_people_in_attendees_use_the_code_corrections_are_published_as_such() {
        Instant started = Instant.now().minus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.SECONDS);
        // sophie (realm role organiser, the events team) may schedule an event that has already started.
        String id = create("sophie", event("Happening now", started, null));
        String code = (String) attendees("sophie", id).expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody().get("checkInCode");
        assertThat(code).hasSize(6);
        attendees("ada", id).expectStatus().isForbidden();

        checkIn("ada", id, Map.of("personId", personId("katherine"))).expectStatus().isForbidden();
        checkIn("ada", id, Map.of("code", "WRONG1")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("code");
        // Self check-in counts from the check-in to the end: about 80 of the 90 minutes, 10 minutes in.
        Map<?, ?> self = checkIn("ada", id, Map.of("code", code.toLowerCase())).expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        int selfMinutes = (Integer) self.get("minutes");
        assertThat(selfMinutes).isBetween(75, 80);
        assertThat(self.get("method")).isEqualTo("SELF_CODE");
        checkIn("ada", id, Map.of("code", code)).expectStatus().isOk();

        checkIn("sophie", id, Map.of("personId", personId("katherine"), "minutes", 0)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("minutes");
        checkIn("sophie", id, Map.of("personId", personId("katherine"), "minutes", 91)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("minutes");
        // Minutes are whole numbers: a fraction or text is refused naming the field, never rounded down.
        checkIn("sophie", id, Map.of("personId", personId("katherine"), "minutes", 1.5)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("minutes");
        checkIn("sophie", id, Map.of("personId", personId("katherine"), "minutes", "ten")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("minutes");
        checkIn("sophie", id, Map.of("minutes", 30)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("personId");
        checkIn("sophie", id, Map.of("personId", personId("katherine"), "minutes", 60)).expectStatus().isOk()
                .expectBody().jsonPath("$.minutes").isEqualTo(60);
        checkIn("sophie", id, Map.of("personId", personId("ada"), "minutes", 45)).expectStatus().isOk();

        client().post().uri("/api/events/" + id + "/check-ins/bulk").headers(h -> h.setBearerAuth(token("sophie")))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("attendees", List.of(Map.of("personId", "p-1"), Map.of("personId", "p-2", "minutes", 500))))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("attendees[1].minutes");
        assertThat(count("SELECT count(*) FROM attendance WHERE event_id = :id", UUID.fromString(id))).isEqualTo(2);
        client().post().uri("/api/events/" + id + "/check-ins/bulk").headers(h -> h.setBearerAuth(token("sophie")))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("attendees", List.of(Map.of("personId", "p-1"), Map.of("personId", "p-2", "minutes", 20))))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(2);
        client().delete().uri("/api/events/" + id + "/check-ins/p-1").headers(h -> h.setBearerAuth(token("sophie")))
                .exchange().expectStatus().isNoContent();
        // Checked in again after the withdrawal: recorded anew, not a correction "from 0 minutes", which the event's
        // schema refuses (found by the broker-away drill: analytics dead-lettered it).
        checkIn("sophie", id, Map.of("personId", "p-1", "minutes", 25)).expectStatus().isOk()
                .expectBody().jsonPath("$.minutes").isEqualTo(25);

        List<String> expected = List.of("guildhall.event.scheduled.v1", "guildhall.event.attendance-recorded.v1",
                "guildhall.event.attendance-recorded.v1", "guildhall.event.attendance-corrected.v1",
                "guildhall.event.attendance-recorded.v1", "guildhall.event.attendance-recorded.v1",
                "guildhall.event.attendance-corrected.v1", "guildhall.event.attendance-recorded.v1");
        List<ConsumerRecord<String, byte[]>> records = published(id, types -> types.size() >= expected.size());
        assertThat(types(records)).containsExactlyElementsOf(expected);
        assertThat(data(records.get(1))).containsEntry("personId", personId("ada")).containsEntry("minutes", selfMinutes)
                .containsEntry("category", "TRAINING").containsEntry("method", "SELF_CODE")
                .containsEntry("startsAt", started.toString()).containsEntry("timeZone", "Europe/London");
        assertThat(data(records.get(3))).containsEntry("personId", personId("ada")).containsEntry("previousMinutes", selfMinutes)
                .containsEntry("minutes", 45);
        assertThat(data(records.get(6))).containsEntry("personId", "p-1").containsEntry("minutes", 0);
        assertThat(data(records.get(7))).containsEntry("personId", "p-1").containsEntry("minutes", 25)
                .containsEntry("method", "ORGANISER");
    }

    @Test
    void nobody_records_their_own_attendance_and_nothing_is_written() {
        Instant started = Instant.now().minus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.SECONDS);
        String id = create("sophie", event("Sophie organises", started, null));
        String code = (String) attendees("sophie", id).expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody().get("checkInCode");

        checkIn("sophie", id, Map.of("personId", personId("sophie"))).expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        checkIn("sophie", id, Map.of("personId", personId("sophie"), "minutes", 30)).expectStatus().isForbidden();
        checkIn("sophie", id, Map.of("code", code)).expectStatus().isForbidden();
        client().post().uri("/api/events/" + id + "/check-ins/bulk").headers(h -> h.setBearerAuth(token("sophie")))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("attendees", List.of(Map.of("personId", personId("ada")), Map.of("personId", personId("sophie")))))
                .exchange().expectStatus().isForbidden();
        // An admin is no exception: dennis cannot record himself at sophie's event either.
        checkIn("dennis", id, Map.of("personId", personId("dennis"))).expectStatus().isForbidden();
        client().post().uri("/api/events/" + id + "/check-ins").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("code", code)).exchange().expectStatus().isUnauthorized();
        assertThat(count("SELECT count(*) FROM attendance WHERE event_id = :id", UUID.fromString(id))).isZero();

        // Colleagues still check themselves in with the code, and the organiser records others.
        checkIn("ada", id, Map.of("code", code)).expectStatus().isOk();
        checkIn("sophie", id, Map.of("personId", personId("katherine"))).expectStatus().isOk();
        assertThat(count("SELECT count(*) FROM attendance WHERE event_id = :id", UUID.fromString(id))).isEqualTo(2);
    }

    @Test
    void self_check_in_closes_at_the_end_while_the_organiser_may_still_record() {
        Instant started = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
        String id = create("sophie", event("Ended half an hour ago", started, null));
        String code = (String) attendees("sophie", id).expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody().get("checkInCode");
        checkIn("ada", id, Map.of("code", code)).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("organiser"));
        assertThat(count("SELECT count(*) FROM attendance WHERE event_id = :id", UUID.fromString(id))).isZero();
        checkIn("sophie", id, Map.of("personId", personId("ada"))).expectStatus().isOk();
    }

    @Test
    void check_in_is_refused_outside_its_window() {
        String later = create("grace", event("Tonight", Instant.now().plus(Duration.ofHours(2)), null));
        checkIn("grace", later, Map.of("personId", personId("ada"))).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("opens"));
        // Long over: an event cannot even be scheduled 30 days back (at most 7), so its check-in window (closed
        // 7 days after the end) is the unit test's (CheckInRulesTest).
        assertThat(count("SELECT count(*) FROM attendance WHERE event_id = :id", UUID.fromString(later))).isZero();
    }

    @Test
    void after_the_end_going_without_a_check_in_is_a_no_show_and_attendance_can_still_be_recorded() {
        Instant start = Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.SECONDS);
        String id = create("sophie", event("No-shows", start, null));
        rsvp("ada", id, "GOING").expectStatus().isOk();
        rsvp("katherine", id, "GOING").expectStatus().isOk();
        Instant past = Instant.now().minus(Duration.ofHours(3)).truncatedTo(ChronoUnit.SECONDS);
        client().patch().uri("/api/events/" + id).headers(h -> h.setBearerAuth(token("sophie")))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("startsAt", past.toString(), "endsAt", past.plus(Duration.ofHours(1)).toString()))
                .exchange().expectStatus().isOk();
        checkIn("sophie", id, Map.of("personId", personId("katherine"))).expectStatus().isOk();

        noShows.settleEnded(Instant.now()).block();
        noShows.settleEnded(Instant.now()).block();

        attendees("sophie", id).expectStatus().isOk().expectBody()
                .jsonPath("$.people[?(@.personId == '" + personId("ada") + "')].noShow").isEqualTo(true)
                .jsonPath("$.people[?(@.personId == '" + personId("katherine") + "')].noShow").isEqualTo(false);
        client().get().uri("/api/events/" + id).headers(h -> h.setBearerAuth(token("ada"))).exchange()
                .expectBody().jsonPath("$.status").isEqualTo("COMPLETED");
        checkIn("sophie", id, Map.of("personId", personId("ada"), "minutes", 30)).expectStatus().isOk();

        List<ConsumerRecord<String, byte[]>> records = published(id,
                types -> types.contains("guildhall.event.no-show-recorded.v1") && types.size() >= 7);
        assertThat(types(records).stream().filter(t -> t.endsWith("no-show-recorded.v1")).count()).isEqualTo(1);
        ConsumerRecord<String, byte[]> noShow = records.stream()
                .filter(r -> header(r, "ce_type").endsWith("no-show-recorded.v1")).findFirst().orElseThrow();
        assertThat(data(noShow)).containsEntry("personId", personId("ada"));
    }

    private WebTestClient.ResponseSpec checkIn(String user, String id, Map<String, Object> body) {
        return client().post().uri("/api/events/" + id + "/check-ins").headers(h -> h.setBearerAuth(token(user)))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private WebTestClient.ResponseSpec attendees(String user, String id) {
        return client().get().uri("/api/events/" + id + "/attendees").headers(h -> h.setBearerAuth(token(user))).exchange();
    }
}
