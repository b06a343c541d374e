package io.guildhall.gateway.portal.admin;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Participation that looks gamed, as the admin page shows it: the fields of analytics-service's {@code GET
 * /api/analytics/admin/anomalies} the page reads. {@code people} is null when the caller may not see people.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Anomalies(LocalDate from, LocalDate to, List<Event> events, List<Person> people) {

    public Anomalies {
        events = events == null ? List.of() : List.copyOf(events);
        people = people == null ? null : List.copyOf(people);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Event(UUID eventId, String communityName, String category, Instant startsAt, int attendees,
                        List<String> reasons) {

        public Event {
            reasons = reasons == null ? List.of() : List.copyOf(reasons);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Person(String personId, String week, int daysAtCap) {
    }
}
