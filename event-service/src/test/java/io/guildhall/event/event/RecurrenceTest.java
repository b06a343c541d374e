package io.guildhall.event.event;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class RecurrenceTest {

    static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Test
    void weekly_keeps_the_local_time_across_daylight_saving() {
        Instant first = Instant.parse("2026-03-17T18:00:00Z"); // 18:00 GMT
        assertThat(new Recurrence(Recurrence.Frequency.WEEKLY, null, 3).starts(first, LONDON)).containsExactly(
                first, Instant.parse("2026-03-24T18:00:00Z"), Instant.parse("2026-03-31T17:00:00Z")); // 18:00 BST
    }

    @Test
    void every_n_weeks() {
        Instant first = Instant.parse("2026-01-06T09:00:00Z");
        assertThat(new Recurrence(Recurrence.Frequency.WEEKLY, 2, 3).starts(first, ZoneId.of("UTC"))).containsExactly(
                first, Instant.parse("2026-01-20T09:00:00Z"), Instant.parse("2026-02-03T09:00:00Z"));
    }

    @Test
    void monthly_by_weekday_keeps_the_nth_weekday() {
        Instant secondTuesday = Instant.parse("2026-01-13T12:00:00Z");
        assertThat(new Recurrence(Recurrence.Frequency.MONTHLY_BY_WEEKDAY, 1, 3).starts(secondTuesday, ZoneId.of("UTC")))
                .containsExactly(secondTuesday, Instant.parse("2026-02-10T12:00:00Z"), Instant.parse("2026-03-10T12:00:00Z"));
    }

    @Test
    void a_fifth_weekday_becomes_the_last_one() {
        Instant fifthFriday = Instant.parse("2026-01-30T16:00:00Z");
        assertThat(new Recurrence(Recurrence.Frequency.MONTHLY_BY_WEEKDAY, 1, 2).starts(fifthFriday, ZoneId.of("UTC")))
                .containsExactly(fifthFriday, Instant.parse("2026-02-27T16:00:00Z"));
    }
}
