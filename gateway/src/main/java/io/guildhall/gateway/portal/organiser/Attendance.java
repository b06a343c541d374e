package io.guildhall.gateway.portal.organiser;

import io.guildhall.gateway.portal.Directory;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.guildhall.gateway.portal.api.ApiClient;
import io.guildhall.gateway.portal.api.Service;
import io.guildhall.gateway.portal.event.EventDetail;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An event's attendees as the organiser sees them: each person's name (from the directory), answer, recorded
 * minutes and no-show flag, the self check-in code, and whether check-in is open now.
 */
@Component
public class Attendance {

    private final ApiClient api;
    private final Clock clock;

    public Attendance(ApiClient api, Clock clock) {
        this.api = api;
        this.clock = clock;
    }

    public record Person(String personId, String name, String rsvp, Integer minutes, boolean noShow) {
        public boolean isCheckedIn() {
            return minutes != null && minutes > 0;
        }
    }

    public record View(String checkInCode, List<Person> people, boolean open, String closedBecause, String problem,
                       String done) {
        public long checkedIn() {
            return people.stream().filter(Person::isCheckedIn).count();
        }

        public boolean anyToCheckIn() {
            return people.stream().anyMatch(p -> !p.isCheckedIn());
        }
    }

    /** event-service's {@code GET /api/events/{id}/attendees}, as this page reads it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Attendees(String checkInCode, List<Attendee> people) {

        @JsonIgnoreProperties(ignoreUnknown = true)
        record Attendee(String personId, String rsvp, Integer minutes, boolean noShow) {
        }
    }

    public Mono<View> of(UUID eventId, EventDetail event, String problem) {
        return of(eventId, event, problem, null);
    }

    public Mono<View> of(UUID eventId, EventDetail event, String problem, String done) {
        return api.object(Service.EVENT, Attendees.class, "/api/events/{id}/attendees", eventId).flatMap(attendees ->
                Flux.fromIterable(attendees.people() == null ? List.<Attendees.Attendee>of() : attendees.people())
                        .flatMapSequential(p -> Directory.name(api, p.personId()).map(name -> new Person(p.personId(), name, p.rsvp(),
                                p.minutes(), p.noShow())), 8)
                        .collectList()
                        .map(list -> {
                            String closed = closedBecause(event);
                            return new View(attendees.checkInCode(), list, closed == null, closed, problem, done);
                        }));
    }

    /** The service's own rule (30 minutes before the start to 7 days after the end), to say so before anyone tries. */
    private String closedBecause(EventDetail event) {
        Instant now = Instant.now(clock);
        if (event.isCancelled()) {
            return "The event is cancelled.";
        }
        Instant starts = event.startsAt();
        Instant ends = event.endsAt();
        if (now.isBefore(starts.minus(Duration.ofMinutes(30)))) {
            return "Check-in opens 30 minutes before the start.";
        }
        if (now.isAfter(ends.plus(Duration.ofDays(7)))) {
            return "Check-in closed 7 days after the end.";
        }
        return null;
    }
}
