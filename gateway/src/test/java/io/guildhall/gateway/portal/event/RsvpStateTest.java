package io.guildhall.gateway.portal.event;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RsvpStateTest {

    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");
    private static final Instant STARTS = Instant.parse("2026-12-10T17:00:00Z");

    private static EventDetail event(String status, Integer capacity, long going, Instant deadline) {
        return new EventDetail(UUID.randomUUID(), null, "Kotlin", null, "TRAINING", "IN_PERSON", "Room 4", null, STARTS,
                STARTS.plusSeconds(5400), "Europe/Berlin", capacity, deadline, "grace", null, status, going, 0);
    }

    @Test
    void a_full_event_is_still_open_for_the_waitlist_and_shows_my_position() {
        RsvpState state = RsvpState.of(event("SCHEDULED", 20, 20, null), new RsvpAnswer("WAITLISTED", 3), null, NOW);

        assertTrue(state.open());
        assertTrue(state.full());
        assertEquals(0L, state.seatsLeft());
        assertTrue(state.isWaitlisted());
        assertEquals(3, state.position());
    }

    @Test
    void no_limit_means_no_seats_left_figure() {
        RsvpState state = RsvpState.of(event("SCHEDULED", null, 7, null), null, null, NOW);

        assertNull(state.seatsLeft());
        assertFalse(state.full());
        assertFalse(state.isAnswered());
    }

    @Test
    void cancelled_started_or_past_the_deadline_closes_the_answers_and_says_why() {
        assertEquals("This event is cancelled.",
                RsvpState.of(event("CANCELLED", 20, 3, null), null, null, NOW).closedBecause());
        assertEquals("This event has started; answers are closed.",
                RsvpState.of(event("SCHEDULED", 20, 3, null), null, null, STARTS).closedBecause());
        assertEquals("The RSVP deadline has passed.", RsvpState.of(event("SCHEDULED", 20, 3,
                NOW.minusSeconds(60)), new RsvpAnswer("GOING", null), null, NOW).closedBecause());
        assertFalse(RsvpState.of(event("SCHEDULED", 20, 3, NOW.minusSeconds(60)), null, null, NOW).open());
    }

    @Test
    void the_check_in_card_shows_from_half_an_hour_before_to_the_end_and_never_when_cancelled() {
        assertFalse(EventPageController.checkInOpen(event("SCHEDULED", 20, 3, null), NOW));
        assertTrue(EventPageController.checkInOpen(event("SCHEDULED", 20, 3, null), STARTS.minusSeconds(1800)));
        assertTrue(EventPageController.checkInOpen(event("SCHEDULED", 20, 3, null), STARTS.plusSeconds(5399)));
        // Over: a self check-in would count nothing; the organiser records attendance from here.
        assertFalse(EventPageController.checkInOpen(event("SCHEDULED", 20, 3, null), STARTS.plusSeconds(5400)));
        assertFalse(EventPageController.checkInOpen(event("CANCELLED", 20, 3, null), STARTS));
    }
}
