package io.guildhall.event.rsvp;

import io.guildhall.contracts.event.RsvpStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SeatsTest {

    @Test
    void a_free_seat_makes_the_answer_going() {
        assertThat(Seats.answerGoing(5, 4, null)).isEqualTo(RsvpStatus.GOING);
        assertThat(Seats.answerGoing(5, 0, RsvpStatus.NOT_GOING)).isEqualTo(RsvpStatus.GOING);
    }

    @Test
    void a_full_event_waitlists() {
        assertThat(Seats.answerGoing(5, 5, null)).isEqualTo(RsvpStatus.WAITLISTED);
        assertThat(Seats.answerGoing(1, 1, RsvpStatus.NOT_GOING)).isEqualTo(RsvpStatus.WAITLISTED);
    }

    @Test
    void an_event_without_capacity_never_fills() {
        assertThat(Seats.answerGoing(null, 10_000, null)).isEqualTo(RsvpStatus.GOING);
    }

    @Test
    void answering_going_again_keeps_the_seat_or_the_place_in_the_queue() {
        assertThat(Seats.answerGoing(5, 5, RsvpStatus.GOING)).isEqualTo(RsvpStatus.GOING);
        assertThat(Seats.answerGoing(5, 2, RsvpStatus.WAITLISTED)).isEqualTo(RsvpStatus.WAITLISTED);
    }

    @Test
    void freed_seats_promote_as_many_as_fit_and_as_are_waiting() {
        assertThat(Seats.promotable(5, 4, 3)).isEqualTo(1);
        assertThat(Seats.promotable(10, 4, 3)).isEqualTo(3);
        assertThat(Seats.promotable(5, 5, 3)).isZero();
        assertThat(Seats.promotable(5, 4, 0)).isZero();
        assertThat(Seats.promotable(null, 4, 7)).isEqualTo(7);
    }

    @Test
    void a_capacity_below_the_people_going_promotes_nobody() {
        assertThat(Seats.promotable(3, 5, 2)).isZero();
    }
}
