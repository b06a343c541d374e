package io.guildhall.gateway.portal.event;

import java.time.Instant;
import java.util.Map;

/**
 * What the RSVP box shows and offers: my answer and waitlist position, the seats left, and which buttons make
 * sense (none once the event is cancelled, over, or past its RSVP deadline).
 */
public record RsvpState(String status, Integer position, Long seatsLeft, boolean full, boolean open, String closedBecause,
                        String problem) {

    public static RsvpState of(Map<String, Object> event, Map<String, Object> answer, String problem, Instant now) {
        String status = answer == null ? null : String.valueOf(answer.get("status"));
        Integer position = answer != null && answer.get("position") instanceof Number n ? n.intValue() : null;
        Long capacity = event.get("capacity") instanceof Number n ? n.longValue() : null;
        long going = event.get("going") instanceof Number n ? n.longValue() : 0;
        Long seatsLeft = capacity == null ? null : Math.max(0, capacity - going);
        String closedBecause = null;
        if (!"SCHEDULED".equals(event.get("status"))) {
            closedBecause = "CANCELLED".equals(event.get("status")) ? "This event is cancelled." : "This event is over.";
        } else if (instant(event.get("startsAt")) != null && !now.isBefore(instant(event.get("startsAt")))) {
            closedBecause = "This event has started; answers are closed.";
        } else if (instant(event.get("rsvpDeadline")) != null && now.isAfter(instant(event.get("rsvpDeadline")))) {
            closedBecause = "The RSVP deadline has passed.";
        }
        return new RsvpState(status, position, seatsLeft, seatsLeft != null && seatsLeft == 0, closedBecause == null,
                closedBecause, problem);
    }

    public boolean isGoing() {
        return "GOING".equals(status);
    }

    public boolean isWaitlisted() {
        return "WAITLISTED".equals(status);
    }

    public boolean isNotGoing() {
        return "NOT_GOING".equals(status);
    }

    public boolean isAnswered() {
        return status != null;
    }

    private static Instant instant(Object value) {
        return value == null ? null : Instant.parse(value.toString());
    }
}
