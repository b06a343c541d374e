package io.guildhall.event.rsvp;

import io.guildhall.contracts.event.RsvpStatus;

/** Seat rules of one event: who gets a seat and how many waiting people a freed seat lets in. */
public final class Seats {

    private Seats() {
    }

    /**
     * The status a GOING answer gets. Answering GOING again keeps one's seat or one's place in the queue: nobody
     * jumps the waitlist by repeating themselves.
     */
    public static RsvpStatus answerGoing(Integer capacity, long going, RsvpStatus current) {
        if (current == RsvpStatus.GOING || current == RsvpStatus.WAITLISTED) {
            return current;
        }
        return capacity == null || going < capacity ? RsvpStatus.GOING : RsvpStatus.WAITLISTED;
    }

    /** How many of the waiting people, first come first served, move up now that {@code going} hold a seat. */
    public static long promotable(Integer capacity, long going, long waiting) {
        if (capacity == null) {
            return waiting;
        }
        return Math.max(0, Math.min(waiting, capacity - going));
    }
}
