package io.guildhall.gateway.portal.event;

import io.guildhall.gateway.portal.Viewer;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/** Times in the viewer's zone, the zone written for people, never an id. */
class EventFormatTest {

    private final EventFormat format = new EventFormat();
    private static final Viewer LONDON = Viewer.in(ZoneId.of("Europe/London"));
    private static final Viewer BERLIN = Viewer.in(ZoneId.of("Europe/Berlin"));
    private static final Viewer NEW_YORK = Viewer.in(ZoneId.of("America/New_York"));

    /** 17:00–18:30 in Berlin on Tuesday 1 December 2026 (16:00 UTC). */
    private static final String STARTS = "2026-12-01T16:00:00Z";
    private static final String ENDS = "2026-12-01T17:30:00Z";

    @Test
    void an_event_where_the_viewer_is_shows_its_time_and_the_place() {
        assertThat(format.when(STARTS, ENDS, "Europe/Berlin", BERLIN)).isEqualTo("Tue 1 Dec 2026, 17:00–18:30 Berlin");
    }

    @Test
    void an_event_elsewhere_shows_its_own_time_and_the_viewers() {
        assertThat(format.when(STARTS, ENDS, "Europe/Berlin", LONDON))
                .isEqualTo("Tue 1 Dec 2026, 17:00–18:30 Berlin · 16:00–17:30 your time");
        assertThat(format.when("2026-12-01T23:00:00Z", "2026-12-02T00:30:00Z", "Europe/Berlin", NEW_YORK))
                .isEqualTo("Wed 2 Dec 2026, 00:00–01:30 Berlin · Tue 1 Dec, 18:00–19:30 your time");
    }

    @Test
    void an_event_held_in_utc_is_shown_in_the_viewers_zone_only_and_never_says_utc_in_brackets() {
        String when = format.when(STARTS, ENDS, "UTC", LONDON);
        assertThat(when).isEqualTo("Tue 1 Dec 2026, 16:00–17:30 London");
        assertThat(format.when(STARTS, ENDS, null, BERLIN)).isEqualTo("Tue 1 Dec 2026, 17:00–18:30 Berlin");
    }

    @Test
    void where_the_clocks_agree_the_events_place_is_named_once() {
        assertThat(format.when(STARTS, ENDS, "Europe/Lisbon", LONDON)).isEqualTo("Tue 1 Dec 2026, 16:00–17:30 Lisbon");
    }

    @Test
    void under_a_days_heading_the_hours_and_the_events_own_date_when_it_differs() {
        EventDetail evening = new EventDetail(null, null, "x", null, "TRAINING", "IN_PERSON", "Room", null,
                java.time.Instant.parse(STARTS), java.time.Instant.parse(ENDS), "Europe/Berlin", null, null, "grace", null,
                "SCHEDULED", 0, 0);
        assertThat(format.hours(evening, LONDON)).isEqualTo("17:00–18:30 Berlin · 16:00–17:30 your time");
        EventDetail late = new EventDetail(null, null, "x", null, "TRAINING", "IN_PERSON", "Room", null,
                java.time.Instant.parse("2026-12-01T23:00:00Z"), java.time.Instant.parse("2026-12-02T00:30:00Z"),
                "Europe/Berlin", null, null, "grace", null, "SCHEDULED", 0, 0);
        assertThat(format.hours(late, NEW_YORK)).isEqualTo("Wed 2 Dec 2026, 00:00–01:30 Berlin · Tue 1 Dec, 18:00–19:30 your time");
    }

    @Test
    void lists_and_the_calendar_show_the_viewers_clock() {
        assertThat(format.start(STARTS, LONDON)).isEqualTo("Tue 1 Dec, 16:00 London");
        assertThat(format.time(STARTS, NEW_YORK)).isEqualTo("11:00");
        assertThat(format.start(null, LONDON)).isEmpty();
    }
}
