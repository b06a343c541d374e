package io.guildhall.analytics.report;

import io.guildhall.analytics.participation.Period;
import io.guildhall.analytics.privacy.Suppression;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Who comes to a community's events (issue 17), as plain code: among the people who attended its events in a
 * period, those for whom it was their first event of the community (new) and those who had come before
 * (returning); and over the quarter that ends the period, who came to 3 or more of its events (core) or 1 or 2
 * (peripheral). Each pair is suppressed as a whole under the privacy threshold of people, like every aggregate.
 */
@Serdeable
@Schema(description = "New and returning attendees in the period; core (3 or more events) and peripheral members in the quarter")
public record NewAndReturning(
        @Schema(nullable = true) Integer newAttendees,
        @Schema(nullable = true) Integer returningAttendees,
        @Schema(nullable = true, description = "returning / (new + returning)") Double returningRate,
        @Schema(description = "Fewer than the threshold attended in the period: the three figures above are null") boolean attendeesSuppressed,
        @Schema(nullable = true, description = "Attended 3 or more of its events in the quarter") Integer coreMembers,
        @Schema(nullable = true, description = "Attended 1 or 2 of its events in the quarter") Integer peripheralMembers,
        @Schema(description = "Fewer than the threshold attended in the quarter: core and peripheral are null") boolean coreSuppressed,
        LocalDate quarterFrom,
        LocalDate quarterTo) {

    /** Events core members came to at least, within the quarter. */
    public static final int CORE = 3;

    /** One attendance at one of the community's held events, and when the event started (its local date). */
    public record Attended(UUID eventId, String personId, LocalDate day) {
    }

    /**
     * @param history every attendance at the community's held events up to the period's end (earlier ones included:
     *                they make people returning)
     */
    public static NewAndReturning of(List<Attended> history, Period period, Suppression suppression) {
        LocalDate quarterFrom = quarterStart(period.end());
        LocalDate quarterTo = quarterFrom.plusMonths(3).minusDays(1);
        Map<String, LocalDate> first = new java.util.HashMap<>();
        history.forEach(a -> first.merge(a.personId(), a.day(), (x, y) -> x.isBefore(y) ? x : y));
        Set<String> inPeriod = new java.util.HashSet<>();
        Map<String, Set<UUID>> inQuarter = new java.util.HashMap<>();
        for (Attended a : history) {
            if (!a.day().isBefore(period.start()) && !a.day().isAfter(period.end())) {
                inPeriod.add(a.personId());
            }
            if (!a.day().isBefore(quarterFrom) && !a.day().isAfter(quarterTo)) {
                inQuarter.computeIfAbsent(a.personId(), p -> new java.util.HashSet<>()).add(a.eventId());
            }
        }
        int fresh = (int) inPeriod.stream().filter(p -> !first.get(p).isBefore(period.start())).count();
        int returning = inPeriod.size() - fresh;
        boolean attendeesShown = suppression.shows(inPeriod);
        int core = (int) inQuarter.values().stream().filter(events -> events.size() >= CORE).count();
        boolean coreShown = suppression.shows(inQuarter.keySet());
        return new NewAndReturning(attendeesShown ? fresh : null, attendeesShown ? returning : null,
                attendeesShown ? (double) returning / inPeriod.size() : null, !attendeesShown,
                coreShown ? core : null, coreShown ? inQuarter.size() - core : null, !coreShown, quarterFrom, quarterTo);
    }

    /** Per event: who came for the first time to one of the community's events, and who came back. */
    public static NewAndReturning ofEvent(List<Attended> history, UUID eventId, Suppression suppression) {
        LocalDate day = history.stream().filter(a -> a.eventId().equals(eventId)).map(Attended::day).findFirst()
                .orElse(LocalDate.now());
        Collection<String> came = history.stream().filter(a -> a.eventId().equals(eventId)).map(Attended::personId).toList();
        int returning = (int) came.stream().filter(person -> history.stream().anyMatch(a -> a.personId().equals(person)
                && !a.eventId().equals(eventId) && a.day().isBefore(day))).count();
        boolean shown = suppression.shows(Set.copyOf(came));
        return new NewAndReturning(shown ? came.size() - returning : null, shown ? returning : null,
                shown && !came.isEmpty() ? (double) returning / came.size() : null, !shown, null, null, true, null, null);
    }

    static LocalDate quarterStart(LocalDate day) {
        return LocalDate.of(day.getYear(), ((day.getMonthValue() - 1) / 3) * 3 + 1, 1);
    }
}
