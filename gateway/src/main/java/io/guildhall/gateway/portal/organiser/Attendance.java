package io.guildhall.gateway.portal.organiser;

import io.guildhall.gateway.portal.api.ApiClient;
import io.guildhall.gateway.portal.api.Service;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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

    public Mono<View> of(UUID eventId, Map<String, Object> event, String problem) {
        return of(eventId, event, problem, null);
    }

    @SuppressWarnings("unchecked")
    public Mono<View> of(UUID eventId, Map<String, Object> event, String problem, String done) {
        return api.object(Service.EVENT, "/api/events/{id}/attendees", eventId).flatMap(attendees -> {
            List<Map<String, Object>> people = (List<Map<String, Object>>) attendees.getOrDefault("people", List.of());
            return Flux.fromIterable(people)
                    .flatMapSequential(p -> name(String.valueOf(p.get("personId"))).map(name -> new Person(
                            String.valueOf(p.get("personId")), name, p.get("rsvp") == null ? null : String.valueOf(p.get("rsvp")),
                            p.get("minutes") instanceof Number n ? n.intValue() : null, Boolean.TRUE.equals(p.get("noShow")))), 8)
                    .collectList()
                    .map(list -> {
                        String closed = closedBecause(event);
                        return new View(String.valueOf(attendees.get("checkInCode")), list, closed == null, closed, problem, done);
                    });
        });
    }

    /** The directory's name; the id itself when the directory does not know the person (or is not answering). */
    private Mono<String> name(String personId) {
        return api.object(Service.MEMBERSHIP, "/api/people/{id}", personId)
                .map(person -> person.get("displayName") == null ? personId : String.valueOf(person.get("displayName")))
                .onErrorResume(e -> Mono.just(personId));
    }

    /** The service's own rule (30 minutes before the start to 7 days after the end), to say so before anyone tries. */
    private String closedBecause(Map<String, Object> event) {
        Instant now = Instant.now(clock);
        if ("CANCELLED".equals(event.get("status"))) {
            return "The event is cancelled.";
        }
        Instant starts = Instant.parse(String.valueOf(event.get("startsAt")));
        Instant ends = Instant.parse(String.valueOf(event.get("endsAt")));
        if (now.isBefore(starts.minus(Duration.ofMinutes(30)))) {
            return "Check-in opens 30 minutes before the start.";
        }
        if (now.isAfter(ends.plus(Duration.ofDays(7)))) {
            return "Check-in closed 7 days after the end.";
        }
        return null;
    }
}
