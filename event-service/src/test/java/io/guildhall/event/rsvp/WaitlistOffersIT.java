package io.guildhall.event.rsvp;

import io.guildhall.event.EventServiceITBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17, item 1: with a claim window, a freed seat is held for the first person waiting, who takes it by answering
 * GOING; an offer not taken lapses (they leave the waitlist) and passes to the next; a reminder falls due once.
 */
class WaitlistOffersIT extends EventServiceITBase {

    static final Instant NEXT_WEEK = Instant.now().plus(Duration.ofDays(7)).truncatedTo(ChronoUnit.MINUTES);

    @Autowired
    WaitlistOffers offers;

    @Test
    void a_freed_seat_is_offered_taken_or_passed_on_when_the_window_lapses() {
        Map<String, Object> body = new java.util.HashMap<>(event("Claim window " + UUID.randomUUID(), NEXT_WEEK, 1));
        body.put("waitlistOfferHours", 200);
        client().post().uri("/api/events").headers(h -> h.setBearerAuth(token("grace")))
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("waitlistOfferHours");
        body.put("waitlistOfferHours", 12);
        String id = create("grace", body);
        client().get().uri("/api/events/" + id).headers(h -> h.setBearerAuth(token("ada"))).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.waitlistOfferHours").isEqualTo(12);

        rsvp("ada", id, "GOING").expectStatus().isOk();
        rsvp("alan", id, "GOING").expectBody().jsonPath("$.status").isEqualTo("WAITLISTED");
        rsvp("katherine", id, "GOING").expectBody().jsonPath("$.position").isEqualTo(2);

        // Ada cannot go: the seat is held for alan, not given.
        client().delete().uri("/api/events/" + id + "/rsvp").headers(h -> h.setBearerAuth(token("ada"))).exchange()
                .expectStatus().isNoContent();
        client().get().uri("/api/events/" + id + "/rsvp").headers(h -> h.setBearerAuth(token("alan"))).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("WAITLISTED")
                .jsonPath("$.offerExpiresAt").isNotEmpty();
        client().get().uri("/api/events/" + id).headers(h -> h.setBearerAuth(token("ada"))).exchange()
                .expectBody().jsonPath("$.going").isEqualTo(0).jsonPath("$.offered").isEqualTo(1)
                .jsonPath("$.waitlisted").isEqualTo(1);
        // Someone new answering GOING finds the seat held: the waitlist.
        rsvp("barbara", id, "GOING").expectBody().jsonPath("$.status").isEqualTo("WAITLISTED");
        // Katherine, still waiting without an offer, asking again keeps her place.
        rsvp("katherine", id, "GOING").expectBody().jsonPath("$.status").isEqualTo("WAITLISTED");
        // Alan takes it.
        rsvp("alan", id, "GOING").expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("GOING");

        // Alan cannot go either: katherine is offered the seat, lets the window lapse, and barbara is offered it.
        rsvp("alan", id, "NOT_GOING").expectStatus().isOk();
        assertThat(offerOf("katherine", id)).isNotNull();
        db.sql("UPDATE rsvp SET offer_expires_at = now() - interval '1 minute' WHERE event_id = :e AND person_id = :p")
                .bind("e", UUID.fromString(id)).bind("p", personId("katherine")).then().block();
        assertThat(offers.check().block()).isGreaterThanOrEqualTo(1);
        client().get().uri("/api/events/" + id + "/rsvp").headers(h -> h.setBearerAuth(token("katherine"))).exchange()
                .expectStatus().isNotFound();
        assertThat(offerOf("barbara", id)).isNotNull();

        // Her window nears its end: one reminder, once.
        db.sql("UPDATE rsvp SET offer_expires_at = now() + interval '1 hour' WHERE event_id = :e AND person_id = :p")
                .bind("e", UUID.fromString(id)).bind("p", personId("barbara")).then().block();
        offers.check().block();
        offers.check().block();

        List<String> types = types(published(id, found -> found.contains("guildhall.event.waitlist-offer-reminder-due.v1")));
        assertThat(types).containsSubsequence("guildhall.event.waitlist-offer-made.v1", "guildhall.event.waitlist-promoted.v1",
                "guildhall.event.rsvp-declined.v1", "guildhall.event.waitlist-offer-made.v1",
                "guildhall.event.waitlist-offer-expired.v1", "guildhall.event.rsvp-cancelled.v1",
                "guildhall.event.waitlist-offer-made.v1", "guildhall.event.waitlist-offer-reminder-due.v1");
        assertThat(types.stream().filter("guildhall.event.waitlist-offer-reminder-due.v1"::equals).count()).isEqualTo(1);
    }

    @Test
    void without_a_claim_window_a_freed_seat_is_given_at_once_as_before() {
        String id = create("grace", event("No window " + UUID.randomUUID(), NEXT_WEEK, 1));
        rsvp("ada", id, "GOING").expectStatus().isOk();
        rsvp("alan", id, "GOING").expectBody().jsonPath("$.status").isEqualTo("WAITLISTED");
        client().delete().uri("/api/events/" + id + "/rsvp").headers(h -> h.setBearerAuth(token("ada"))).exchange()
                .expectStatus().isNoContent();
        client().get().uri("/api/events/" + id + "/rsvp").headers(h -> h.setBearerAuth(token("alan"))).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("GOING").jsonPath("$.offerExpiresAt").doesNotExist();
    }

    private Object offerOf(String user, String id) {
        return client().get().uri("/api/events/" + id + "/rsvp").headers(h -> h.setBearerAuth(token(user))).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody().get("offerExpiresAt");
    }
}
