package io.guildhall.event.event;

import io.guildhall.contracts.event.EventCategory;
import io.guildhall.contracts.event.EventFormat;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class WhoSeesTest {

    private static final Instant START = Instant.parse("2026-12-10T17:00:00Z");

    private final Event event = new Event(UUID.randomUUID(), null, "Online", null, EventCategory.TRAINING,
            EventFormat.ONLINE, null, "https://meet.example.com/x", START, START.plusSeconds(3600), "Europe/London", 10,
            null, "organiser", null, EventStatus.SCHEDULED, "CODE", 0, START, START, false);

    @Test
    void the_people_going_the_organiser_and_admins_are_inside() {
        assertThat(WhoSees.insideOf(event, "ada", false, "GOING", false)).isTrue();
        assertThat(WhoSees.insideOf(event, "organiser", false, null, false)).isTrue();
        assertThat(WhoSees.insideOf(event, "dennis", true, null, false)).isTrue();
        assertThat(WhoSees.insideOf(event, "helper", false, null, true)).isTrue();
    }

    @Test
    void the_waitlisted_those_not_going_and_those_without_an_answer_are_not() {
        assertThat(WhoSees.insideOf(event, "alan", false, "WAITLISTED", false)).isFalse();
        assertThat(WhoSees.insideOf(event, "alan", false, "NOT_GOING", false)).isFalse();
        assertThat(WhoSees.insideOf(event, "alan", false, null, false)).isFalse();
        assertThat(WhoSees.insideOf(event, null, false, null, false)).isFalse();
    }

    @Test
    void a_view_for_someone_outside_has_no_online_link_and_keeps_the_rest() {
        EventView outside = EventView.forCaller(event, 3, 1, null, "alan", false, false);
        assertThat(outside.onlineUrl()).isNull();
        assertThat(outside.going()).isEqualTo(3);
        assertThat(outside.title()).isEqualTo("Online");
        assertThat(EventView.forCaller(event, 3, 1, "GOING", "ada", false, false).onlineUrl()).isEqualTo("https://meet.example.com/x");
    }
}
