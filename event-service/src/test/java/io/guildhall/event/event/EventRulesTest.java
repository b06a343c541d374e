package io.guildhall.event.event;

import io.guildhall.contracts.event.EventCategory;
import io.guildhall.contracts.event.EventFormat;
import io.guildhall.support.web.InvalidFieldException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventRulesTest {

    static final Instant START = Instant.parse("2026-03-10T17:00:00Z");

    @Test
    void the_end_must_follow_the_start() {
        assertField(() -> EventRules.checkTimes(START, START, null), "endsAt");
        assertField(() -> EventRules.checkTimes(START, START.minusSeconds(60), null), "endsAt");
    }

    @Test
    void an_event_lasts_at_most_fourteen_days() {
        EventRules.checkTimes(START, START.plus(Duration.ofDays(14)), null);
        assertField(() -> EventRules.checkTimes(START, START.plus(Duration.ofDays(14)).plusSeconds(1), null), "endsAt");
    }

    @Test
    void the_rsvp_deadline_is_not_after_the_start() {
        EventRules.checkTimes(START, START.plusSeconds(3600), START);
        assertField(() -> EventRules.checkTimes(START, START.plusSeconds(3600), START.plusSeconds(1)), "rsvpDeadline");
    }

    @Test
    void time_zones_are_iana_ids_and_default_to_utc() {
        assertThat(EventRules.zone(null)).isEqualTo("UTC");
        assertThat(EventRules.zone(" Europe/London ")).isEqualTo("Europe/London");
        assertField(() -> EventRules.zone("Mars/Olympus"), "timeZone");
    }

    @Test
    void each_format_needs_its_place() {
        EventRules.checkPlace(EventFormat.IN_PERSON, "Room 4", null);
        EventRules.checkPlace(EventFormat.ONLINE, null, "https://meet.example.com/x");
        EventRules.checkPlace(EventFormat.HYBRID, "Room 4", "https://meet.example.com/x");
        assertField(() -> EventRules.checkPlace(EventFormat.IN_PERSON, " ", null), "location");
        assertField(() -> EventRules.checkPlace(EventFormat.ONLINE, "Room 4", null), "onlineUrl");
        assertField(() -> EventRules.checkPlace(EventFormat.HYBRID, null, "https://meet.example.com/x"), "location");
        assertField(() -> EventRules.checkPlace(EventFormat.ONLINE, null, "javascript:alert(1)"), "onlineUrl");
    }

    @Test
    void nobody_answers_a_cancelled_started_or_closed_event() {
        Event open = event(null, EventStatus.SCHEDULED);
        assertThat(open.rsvpRefusal(START.minusSeconds(1))).isEmpty();
        assertThat(open.rsvpRefusal(START)).contains("the event has started");
        assertThat(event(null, EventStatus.CANCELLED).rsvpRefusal(START.minusSeconds(60))).contains("the event is cancelled");
        Event closed = event(START.minusSeconds(3600), EventStatus.SCHEDULED);
        assertThat(closed.rsvpRefusal(START.minusSeconds(3600))).isEmpty();
        assertThat(closed.rsvpRefusal(START.minusSeconds(3599))).contains("the RSVP deadline has passed");
    }

    private static Event event(Instant deadline, EventStatus status) {
        return new Event(java.util.UUID.randomUUID(), null, "t", null, EventCategory.SPORTS, EventFormat.IN_PERSON,
                "Pitch", null, START, START.plusSeconds(3600), "UTC", 5, deadline, "grace", null, status, "ABC234", 0,
                START, START, false);
    }

    private static void assertField(Runnable call, String field) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(InvalidFieldException.class,
                e -> assertThat(e.field()).isEqualTo(field));
    }

    @Test
    void an_event_started_more_than_five_minutes_ago_is_in_the_past_and_at_most_seven_days_back() {
        java.time.Instant now = java.time.Instant.parse("2026-12-03T12:00:00Z");
        assertThat(EventRules.startsInThePast(now.minusSeconds(4 * 60), now)).isFalse();
        assertThat(EventRules.startsInThePast(now.minusSeconds(6 * 60), now)).isTrue();
        EventRules.checkStartInThePast(now.minus(java.time.Duration.ofDays(7)), now);
        assertField(() -> EventRules.checkStartInThePast(now.minus(java.time.Duration.ofDays(7)).minusSeconds(1), now), "startsAt");
    }
}
