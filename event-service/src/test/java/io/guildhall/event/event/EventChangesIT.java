package io.guildhall.event.event;

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

class EventChangesIT extends EventServiceITBase {

    static final Instant NEXT_WEEK = Instant.now().plus(Duration.ofDays(7)).truncatedTo(ChronoUnit.MINUTES);

    @Test
    void the_organiser_edits_reschedules_and_cancels_and_each_change_is_published() {
        String id = create("grace", event("One seat", NEXT_WEEK, 1));
        rsvp("ada", id, "GOING").expectStatus().isOk();
        rsvp("katherine", id, "GOING").expectBody().jsonPath("$.status").isEqualTo("WAITLISTED");

        patch("ada", id, Map.of("capacity", 5), null).expectStatus().isForbidden();
        patch("grace", id, Map.of("capacity", 2), null).expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"1\"")
                .expectBody().jsonPath("$.capacity").isEqualTo(2).jsonPath("$.going").isEqualTo(2);
        client().get().uri("/api/events/" + id + "/rsvp").headers(h -> h.setBearerAuth(token("katherine"))).exchange()
                .expectBody().jsonPath("$.status").isEqualTo("GOING");

        patch("grace", id, Map.of("capacity", 1), null).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).startsWith("2 people are going"));
        patch("grace", id, Map.of("endsAt", NEXT_WEEK.minusSeconds(60).toString()), null).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("endsAt");
        patch("grace", id, Map.of("format", "ONLINE"), null).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("onlineUrl");
        patch("grace", id, Map.of("title", "Moved"), "\"0\"").expectStatus().isEqualTo(412);

        Instant later = NEXT_WEEK.plus(Duration.ofDays(1));
        patch("grace", id, Map.of("startsAt", later.toString(), "endsAt", later.plus(Duration.ofHours(2)).toString()), "W/\"0\", \"1\"")
                .expectStatus().isOk().expectBody().jsonPath("$.sequence").isEqualTo(2);

        cancel("ada", id).expectStatus().isForbidden();
        cancel("grace", id).expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("CANCELLED").jsonPath("$.sequence").isEqualTo(3);
        cancel("grace", id).expectStatus().isEqualTo(409);
        rsvp("ada", id, "NOT_GOING").expectStatus().isEqualTo(409);
        patch("grace", id, Map.of("title", "Back"), null).expectStatus().isEqualTo(409);

        List<String> expected = List.of("guildhall.event.scheduled.v1", "guildhall.event.rsvp-confirmed.v1",
                "guildhall.event.rsvp-waitlisted.v1", "guildhall.event.updated.v1",
                "guildhall.event.waitlist-promoted.v1", "guildhall.event.rescheduled.v1", "guildhall.event.cancelled.v1");
        List<ConsumerRecord<String, byte[]>> records = published(id, types -> types.size() >= expected.size());
        assertThat(types(records)).containsExactlyElementsOf(expected);
        assertThat(data(records.get(5))).containsEntry("startsAt", later.toString()).containsEntry("sequence", 2)
                .containsEntry("previousStartsAt", NEXT_WEEK.toString());
        assertThat(data(records.get(6))).containsEntry("reason", "Speaker ill").containsEntry("sequence", 3);
        assertThat(count("SELECT count(*) FROM event WHERE id = :id AND status = 'CANCELLED'", UUID.fromString(id))).isEqualTo(1);
    }

    private WebTestClient.ResponseSpec patch(String user, String id, Map<String, Object> body, String ifMatch) {
        return client().patch().uri("/api/events/" + id).headers(h -> {
                    h.setBearerAuth(token(user));
                    if (ifMatch != null) {
                        h.setIfMatch(ifMatch);
                    }
                })
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private WebTestClient.ResponseSpec cancel(String user, String id) {
        return client().post().uri("/api/events/" + id + "/cancel").headers(h -> h.setBearerAuth(token(user)))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("reason", "Speaker ill")).exchange();
    }
}
