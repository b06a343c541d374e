package io.guildhall.gateway.portal.event;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EventDayTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final LocalDate TODAY = LocalDate.parse("2026-12-04");

    private static EventDetail at(String title, String startsAt) {
        Instant start = Instant.parse(startsAt);
        return new EventDetail(java.util.UUID.randomUUID(), null, title, null, "TRAINING", "IN_PERSON", "Room 4", null,
                start, start.plusSeconds(3600), "Europe/Berlin", null, null, "grace", null, "SCHEDULED", 0, 0);
    }

    @Test
    void events_fall_on_the_viewers_days_headed_today_tomorrow_and_by_name() {
        List<EventDay> days = EventDay.of(List.of(
                at("under way", "2026-12-03T23:30:00Z"),
                at("tonight", "2026-12-04T19:00:00Z"),
                // 00:30 on the 5th in Berlin, still 23:30 on the 4th in London: today, where the viewer is.
                at("late", "2026-12-04T23:30:00Z"),
                at("tomorrow", "2026-12-05T10:00:00Z"),
                at("next week", "2026-12-09T10:00:00Z"),
                at("next year", "2027-01-04T10:00:00Z")), LONDON, TODAY);
        assertThat(days).extracting(EventDay::heading)
                .containsExactly("Today", "Tomorrow", "Wednesday 9 December", "Monday 4 January 2027");
        assertThat(days.get(0).events()).extracting(EventDetail::title).containsExactly("under way", "tonight", "late");
    }

    @Test
    void where_is_the_room_online_or_both() {
        EventDetail hybrid = new EventDetail(null, null, "x", null, "TRAINING", "HYBRID", "Room 4", "https://meet", null,
                null, null, 10, null, "grace", null, "SCHEDULED", 7, 0);
        assertThat(hybrid.where()).isEqualTo("Room 4 and online");
        assertThat(hybrid.seatsLeft()).isEqualTo(3L);
        EventDetail online = new EventDetail(null, null, "x", null, "TRAINING", "ONLINE", null, "https://meet", null,
                null, null, null, null, "grace", null, "SCHEDULED", 7, 0);
        assertThat(online.where()).isEqualTo("Online");
        assertThat(online.seatsLeft()).isNull();
    }
}
