package io.guildhall.event.history;

import io.guildhall.event.EventServiceITBase;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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

/** Importing an event that took place before Guildhall: admins only, every mistake named, published as if held here. */
class HistoryIT extends EventServiceITBase {

    static final Instant THREE_WEEKS_AGO = Instant.now().minus(Duration.ofDays(21)).truncatedTo(ChronoUnit.HOURS);

    Map<String, Object> training(String title) {
        Map<String, Object> body = new HashMap<>(event(title, THREE_WEEKS_AGO, 3));
        body.put("organiserId", personId("grace"));
        body.put("attended", List.of(Map.of("personId", personId("ada")), Map.of("personId", personId("alan"), "minutes", 45)));
        body.put("noShows", List.of(personId("edsger")));
        body.put("waitlisted", List.of(personId("ken")));
        return body;
    }

    WebTestClient.ResponseSpec importing(String user, Map<String, Object> body) {
        return client().post().uri("/api/events/history")
                .headers(h -> {
                    if (user != null) {
                        h.setBearerAuth(token(user));
                    }
                })
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    @Test
    void an_admin_imports_a_past_training_and_it_is_published_as_if_held_here() {
        Map<?, ?> created = importing("dennis", training("Imported: Kotlin coroutines")).expectStatus().isCreated()
                .expectHeader().exists("Location")
                .expectBody(Map.class).returnResult().getResponseBody();
        String id = (String) created.get("id");
        assertThat(created.get("organiserId")).isEqualTo(personId("grace"));
        assertThat(created.get("recordedAfterTheFact")).isEqualTo(true);
        assertThat(created.get("status")).isEqualTo("COMPLETED");

        assertThat(count("SELECT count(*) FROM attendance WHERE event_id = :id AND recorded_by = '" + personId("dennis") + "'", UUID.fromString(id)))
                .isEqualTo(2);
        assertThat(count("SELECT count(*) FROM no_show WHERE event_id = :id", UUID.fromString(id))).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM rsvp WHERE event_id = :id AND status = 'WAITLISTED'", UUID.fromString(id)))
                .isEqualTo(1);

        List<ConsumerRecord<String, byte[]>> records = published(id, types -> types.contains("guildhall.event.no-show-recorded.v1"));
        assertThat(types(records)).containsExactly("guildhall.event.scheduled.v1",
                "guildhall.event.rsvp-confirmed.v1", "guildhall.event.rsvp-confirmed.v1", "guildhall.event.rsvp-confirmed.v1",
                "guildhall.event.rsvp-waitlisted.v1",
                "guildhall.event.attendance-recorded.v1", "guildhall.event.attendance-recorded.v1",
                "guildhall.event.no-show-recorded.v1");
        assertThat(data(records.get(0))).containsEntry("recordedAfterTheFact", true)
                .containsEntry("organiserId", personId("grace"))
                .containsEntry("startsAt", THREE_WEEKS_AGO.toString());
        Map<String, Object> ada = data(records.get(5));
        assertThat(ada).containsEntry("personId", personId("ada")).containsEntry("minutes", 90)
                .containsEntry("method", "ORGANISER").containsEntry("recordedBy", personId("dennis"))
                .containsEntry("recordedAfterTheFact", true);
        assertThat(data(records.get(6))).containsEntry("personId", personId("alan")).containsEntry("minutes", 45);
        assertThat(data(records.get(7))).containsEntry("personId", personId("edsger"));
    }

    @Test
    void only_an_admin_imports_history() {
        importing(null, training("Imported by nobody")).expectStatus().isUnauthorized();
        for (String user : List.of("ada", "grace", "sophie", "katherine")) {
            importing(user, training("Imported by " + user)).expectStatus().isForbidden();
        }
        assertThat(count("SELECT count(*) FROM event WHERE title LIKE :id", "Imported by %")).isZero();
    }

    @Test
    void every_mistake_of_an_import_is_named_at_once_and_nothing_is_written() {
        Map<String, Object> wrong = training("Imported with five mistakes");
        wrong.put("startsAt", Instant.now().minus(Duration.ofHours(1)).toString());
        wrong.put("endsAt", Instant.now().plus(Duration.ofHours(1)).toString());
        wrong.put("capacity", 2);
        wrong.put("attended", List.of(Map.of("personId", personId("grace")), Map.of("personId", personId("dennis"))));
        wrong.put("noShows", List.of(personId("edsger"), personId("edsger")));
        wrong.put("waitlisted", List.of());
        importing("dennis", wrong).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors.length()").isEqualTo(5)
                // In the order of the request's fields.
                .jsonPath("$.errors[0].field").isEqualTo("endsAt")
                .jsonPath("$.errors[1].field").isEqualTo("capacity")
                .jsonPath("$.errors[2].field").isEqualTo("attended[0].personId")
                .jsonPath("$.errors[3].field").isEqualTo("attended[1].personId")
                .jsonPath("$.errors[4].field").isEqualTo("noShows[1]");
        assertThat(count("SELECT count(*) FROM event WHERE title = :id", "Imported with five mistakes")).isZero();
    }
}
