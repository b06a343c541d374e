package io.guildhall.event.history;

import io.guildhall.event.event.EventRules;
import io.guildhall.support.web.InvalidFieldException;
import io.guildhall.support.web.InvalidFieldException.FieldProblem;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What an imported event must satisfy (docs/participation.md, rule 3b), all checked at once so one answer names every
 * field to fix:
 * <ul>
 *   <li>it is over, and started at most {@value #FURTHEST_BACK_DAYS} days ago;</li>
 *   <li>its times and place follow the rules of any event ({@link EventRules});</li>
 *   <li>each person appears once, among attended, no-shows and waitlisted;</li>
 *   <li>neither the organiser (organising counts as organising) nor the importing admin (nobody records their own
 *   attendance) attended or was a no-show;</li>
 *   <li>minutes are 1 to the event's length;</li>
 *   <li>attended and no-shows fit the seats, and only a full event has a waitlist.</li>
 * </ul>
 */
public final class HistoryRules {

    static final int FURTHEST_BACK_DAYS = 400;
    static final Duration FURTHEST_BACK = Duration.ofDays(FURTHEST_BACK_DAYS);

    private HistoryRules() {
    }

    /** Every problem of the request, in the order of its fields; empty when it may be imported. */
    public static List<FieldProblem> problems(HistoryImportRequest request, String importer, Instant now) {
        List<FieldProblem> problems = new ArrayList<>(EventRules.problems(request.startsAt(), request.endsAt(), null,
                request.timeZone(), request.format(), request.location(), request.onlineUrl()));
        if (request.startsAt() != null && request.endsAt() != null) {
            if (request.startsAt().isBefore(now.minus(FURTHEST_BACK))) {
                problems.add(new FieldProblem("startsAt", "may be at most " + FURTHEST_BACK_DAYS + " days in the past"));
            }
            if (request.endsAt().isAfter(now)) {
                problems.add(new FieldProblem("endsAt", "must be in the past: only events that took place are imported"));
            }
        }

        Set<String> seen = new HashSet<>();
        long length = request.startsAt() != null && request.endsAt() != null
                ? Duration.between(request.startsAt(), request.endsAt()).toMinutes() : Long.MAX_VALUE;
        for (int i = 0; i < request.attended().size(); i++) {
            HistoryImportRequest.Attendee attendee = request.attended().get(i);
            String field = "attended[" + i + "]";
            if (attendee == null) {
                problems.add(new FieldProblem(field, "must not be null"));
                continue;
            }
            person(problems, field + ".personId", attendee.personId(), request.organiserId(), importer, seen);
            Integer minutes = attendee.minutes();
            if (minutes != null && (minutes < 1 || minutes > length)) {
                problems.add(new FieldProblem(field + ".minutes", "must be between 1 and the event's length, "
                        + length + " minutes"));
            }
        }
        for (int i = 0; i < request.noShows().size(); i++) {
            person(problems, "noShows[" + i + "]", request.noShows().get(i), request.organiserId(), importer, seen);
        }
        for (int i = 0; i < request.waitlisted().size(); i++) {
            String person = request.waitlisted().get(i);
            if (person != null && !seen.add(person.trim())) {
                problems.add(new FieldProblem("waitlisted[" + i + "]", "is listed more than once"));
            }
        }

        int going = request.attended().size() + request.noShows().size();
        Integer capacity = request.capacity();
        if (capacity != null && going > capacity) {
            problems.add(new FieldProblem("capacity", "is less than the " + going + " people who attended or were no-shows"));
        }
        if (!request.waitlisted().isEmpty() && (capacity == null || going < capacity)) {
            problems.add(new FieldProblem("waitlisted", "only a full event has a waitlist: attended and no-shows "
                    + "fill " + going + " of " + (capacity == null ? "unlimited" : capacity) + " seats"));
        }
        return problems;
    }

    /** Throws naming every field to fix, if any. */
    public static void check(HistoryImportRequest request, String importer, Instant now) {
        List<FieldProblem> problems = problems(request, importer, now);
        if (!problems.isEmpty()) {
            throw new InvalidFieldException(problems);
        }
    }

    private static void person(List<FieldProblem> problems, String field, String person, String organiser,
                               String importer, Set<String> seen) {
        if (person == null || person.isBlank()) {
            return;
        }
        String id = person.trim();
        if (id.equals(organiser == null ? null : organiser.trim())) {
            problems.add(new FieldProblem(field, "is the organiser: organising counts as organising time, not attendance"));
        } else if (id.equals(importer)) {
            problems.add(new FieldProblem(field, "is you: nobody records their own attendance"));
        } else if (!seen.add(id)) {
            problems.add(new FieldProblem(field, "is listed more than once"));
        }
    }
}
