package io.guildhall.event.event;

import io.guildhall.contracts.event.EventFormat;
import io.guildhall.support.web.InvalidFieldException;
import io.guildhall.support.web.InvalidFieldException.FieldProblem;

import java.net.URI;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** Rules an event's schedule and place must satisfy; each failure names the field to fix. */
public final class EventRules {

    static final Duration LONGEST = Duration.ofDays(14);
    /** How far back an event may be scheduled after the fact (by those allowed to). */
    static final Duration FURTHEST_BACK = Duration.ofDays(7);
    /** A start this little in the past is "now" (a form filled in at the door, clocks a little apart). */
    static final Duration NOW_TOLERANCE = Duration.ofMinutes(5);
    /** The realm role of the learning and events teams, who may record events after the fact. */
    public static final String ORGANISER_ROLE = "organiser";

    private EventRules() {
    }

    public static void checkTimes(Instant startsAt, Instant endsAt, Instant rsvpDeadline) {
        if (!endsAt.isAfter(startsAt)) {
            throw new InvalidFieldException("endsAt", "must be after startsAt");
        }
        if (Duration.between(startsAt, endsAt).compareTo(LONGEST) > 0) {
            throw new InvalidFieldException("endsAt", "an event lasts at most 14 days");
        }
        if (rsvpDeadline != null && rsvpDeadline.isAfter(startsAt)) {
            throw new InvalidFieldException("rsvpDeadline", "must not be after startsAt");
        }
    }

    /**
     * Every broken rule of an event's times, zone and place at once, each naming its field; a value that is missing
     * is left to the request's own validation. Empty when the event may be held so.
     */
    public static List<FieldProblem> problems(Instant startsAt, Instant endsAt, Instant rsvpDeadline, String timeZone,
                                              EventFormat format, String location, String onlineUrl) {
        List<FieldProblem> problems = new ArrayList<>();
        if (startsAt != null && endsAt != null) {
            collect(problems, () -> checkTimes(startsAt, endsAt, rsvpDeadline));
        } else if (startsAt != null && rsvpDeadline != null && rsvpDeadline.isAfter(startsAt)) {
            problems.add(new FieldProblem("rsvpDeadline", "must not be after startsAt"));
        }
        collect(problems, () -> zone(timeZone));
        if (format != null) {
            collect(problems, () -> checkPlace(format, location, onlineUrl));
        }
        return problems;
    }

    /** Throws naming every broken rule ({@link #problems}), if any. */
    public static void check(Instant startsAt, Instant endsAt, Instant rsvpDeadline, String timeZone,
                             EventFormat format, String location, String onlineUrl) {
        List<FieldProblem> problems = problems(startsAt, endsAt, rsvpDeadline, timeZone, format, location, onlineUrl);
        if (!problems.isEmpty()) {
            throw new InvalidFieldException(problems);
        }
    }

    private static void collect(List<FieldProblem> problems, Runnable rule) {
        try {
            rule.run();
        } catch (InvalidFieldException e) {
            problems.addAll(e.problems());
        }
    }

    /** Whether an event starting at {@code startsAt} has already started, beyond a few minutes' tolerance. */
    public static boolean startsInThePast(Instant startsAt, Instant now) {
        return startsAt.isBefore(now.minus(NOW_TOLERANCE));
    }

    /** An event recorded after the fact starts at most 7 days back. */
    public static void checkStartInThePast(Instant startsAt, Instant now) {
        if (startsAt.isBefore(now.minus(FURTHEST_BACK))) {
            throw new InvalidFieldException("startsAt", "may be at most 7 days in the past");
        }
    }

    /** The zone's canonical id; UTC when none is given. */
    public static String zone(String timeZone) {
        if (timeZone == null || timeZone.isBlank()) {
            return "UTC";
        }
        try {
            return ZoneId.of(timeZone.trim()).getId();
        } catch (DateTimeException e) {
            throw new InvalidFieldException("timeZone", "is not a known time zone (use an IANA id such as Europe/London)");
        }
    }

    public static void checkPlace(EventFormat format, String location, String onlineUrl) {
        boolean hasLocation = location != null && !location.isBlank();
        boolean hasLink = onlineUrl != null && !onlineUrl.isBlank();
        List<FieldProblem> problems = new ArrayList<>();
        if (format != EventFormat.ONLINE && !hasLocation) {
            problems.add(new FieldProblem("location", "is required for " + format + " events"));
        }
        if (format != EventFormat.IN_PERSON && !hasLink) {
            problems.add(new FieldProblem("onlineUrl", "is required for " + format + " events"));
        } else if (hasLink && !isWebLink(onlineUrl.trim())) {
            problems.add(new FieldProblem("onlineUrl", "must be an absolute http or https URL"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidFieldException(problems);
        }
    }

    private static boolean isWebLink(String url) {
        try {
            URI uri = URI.create(url);
            return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
