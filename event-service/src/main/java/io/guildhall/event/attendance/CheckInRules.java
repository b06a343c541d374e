package io.guildhall.event.attendance;

import io.guildhall.event.event.Event;
import io.guildhall.event.event.EventStatus;
import io.guildhall.support.web.InvalidFieldException;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** When attendance may be recorded and how many minutes it may count. */
public final class CheckInRules {

    /** Doors open half an hour early. */
    static final Duration OPENS_BEFORE_START = Duration.ofMinutes(30);
    /** Organisers may record attendance after the fact, for a week. */
    static final Duration CLOSES_AFTER_END = Duration.ofDays(7);

    private CheckInRules() {
    }

    public static Optional<String> refusal(Event event, Instant now) {
        if (event.status() == EventStatus.CANCELLED) {
            return Optional.of("the event is cancelled");
        }
        if (now.isBefore(event.startsAt().minus(OPENS_BEFORE_START))) {
            return Optional.of("check-in opens 30 minutes before the start, at " + event.startsAt().minus(OPENS_BEFORE_START));
        }
        if (now.isAfter(event.endsAt().plus(CLOSES_AFTER_END))) {
            return Optional.of("check-in closed 7 days after the end, at " + event.endsAt().plus(CLOSES_AFTER_END));
        }
        return Optional.empty();
    }

    /** The minutes to record: the whole event unless the organiser says less (late arrival, early leave). */
    public static int minutes(Integer requested, Event event, String field) {
        long length = event.lengthInMinutes();
        if (requested == null) {
            return (int) length;
        }
        if (requested < 1 || requested > length) {
            throw new InvalidFieldException(field, "must be between 1 and the event's length, " + length + " minutes");
        }
        return requested;
    }
}
