package io.guildhall.event.attendance;

import io.guildhall.event.event.Event;
import io.guildhall.event.event.EventStatus;
import io.guildhall.support.web.InvalidFieldException;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When attendance may be recorded, by whom, and how many minutes it may count (docs/participation.md).
 * <ul>
 *   <li>Nobody records their own attendance through the organiser's path: an organiser (or admin) cannot check
 *   themselves in.</li>
 *   <li>Self check-in with the event's code is open from 30 minutes before the start to 2 hours after the end, and
 *   counts from the check-in, or the start if that is later, to the end.</li>
 *   <li>The organiser may record attendance from 30 minutes before the start to 7 days after the end.</li>
 * </ul>
 */
public final class CheckInRules {

    /** Doors open half an hour early. */
    static final Duration OPENS_BEFORE_START = Duration.ofMinutes(30);
    /** Organisers may record attendance after the fact, for a week. */
    static final Duration CLOSES_AFTER_END = Duration.ofDays(7);
    /** Attendees checking themselves in with the code: until two hours after the end. */
    static final Duration SELF_CLOSES_AFTER_END = Duration.ofHours(2);

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

    /** Why a self check-in with the code is refused now, if it is (the organiser's window being open). */
    public static Optional<String> selfRefusal(Event event, Instant now) {
        if (now.isAfter(event.endsAt().plus(SELF_CLOSES_AFTER_END))) {
            return Optional.of("self check-in closed 2 hours after the end, at " + event.endsAt().plus(SELF_CLOSES_AFTER_END)
                    + "; the organiser can still record your attendance");
        }
        if (!now.isBefore(event.endsAt())) {
            return Optional.of("the event ended at " + event.endsAt() + ": a check-in now counts no minute;"
                    + " the organiser can record your attendance");
        }
        return Optional.empty();
    }

    /** A self check-in counts from the check-in, or the start if later, to the end (whole minutes, at least 1). */
    public static int selfMinutes(Event event, Instant now) {
        Instant from = now.isAfter(event.startsAt()) ? now : event.startsAt();
        return (int) Math.max(1, Duration.between(from, event.endsAt()).toMinutes());
    }

    /** Nobody checks themselves in through the organiser's path: the organiser's own time is organising. */
    public static boolean isOwn(String person, String caller) {
        return person != null && person.trim().equals(caller);
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
