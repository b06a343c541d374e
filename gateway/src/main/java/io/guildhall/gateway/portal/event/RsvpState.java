package io.guildhall.gateway.portal.event;

import java.time.Instant;

/**
 * What the RSVP box shows and offers: my answer and waitlist position, the seats left, and which buttons make
 * sense (none once the event is cancelled, over, or past its RSVP deadline).
 */
public record RsvpState(String status, Integer position, Long seatsLeft, boolean full, boolean open, String closedBecause,
                        String problem, Instant offerExpiresAt) {

    public static RsvpState of(EventDetail event, RsvpAnswer answer, String problem, Instant now) {
        String status = answer == null ? null : answer.status();
        Integer position = answer == null ? null : answer.position();
        Long seatsLeft = event.seatsLeft();
        String closedBecause = null;
        if (!event.isScheduled()) {
            closedBecause = event.isCancelled() ? "This event is cancelled." : "This event is over.";
        } else if (event.startsAt() != null && !now.isBefore(event.startsAt())) {
            closedBecause = "This event has started; answers are closed.";
        } else if (event.rsvpDeadline() != null && now.isAfter(event.rsvpDeadline())) {
            closedBecause = "The RSVP deadline has passed.";
        }
        Instant offer = answer == null || answer.offerExpiresAt() == null || !answer.offerExpiresAt().isAfter(now)
                ? null : answer.offerExpiresAt();
        return new RsvpState(status, position, seatsLeft, seatsLeft != null && seatsLeft == 0, closedBecause == null,
                closedBecause, problem, offer);
    }

    public boolean isGoing() {
        return "GOING".equals(status);
    }

    public boolean isWaitlisted() {
        return "WAITLISTED".equals(status);
    }

    /** A freed seat is offered to the viewer: theirs if they take it before {@link #offerExpiresAt}. */
    public boolean isOffered() {
        return isWaitlisted() && offerExpiresAt != null;
    }

    public boolean isNotGoing() {
        return "NOT_GOING".equals(status);
    }

    public boolean isAnswered() {
        return status != null;
    }

    /** What a toast says after the answer changed in place (ASCII: it travels in the HX-Trigger header). */
    public String toast() {
        if (isGoing()) {
            return "You are going. It is in your calendar feed.";
        }
        if (isOffered()) {
            return "A seat is free for you: take it before the offer ends.";
        }
        if (isWaitlisted()) {
            return "You are on the waitlist: position " + position + ".";
        }
        return isNotGoing() ? "Saved: you are not going." : "Your answer is withdrawn.";
    }
}
