package io.guildhall.event.attendance;

import io.guildhall.contracts.event.EventCategory;
import io.guildhall.contracts.event.EventFormat;
import io.guildhall.event.event.Event;
import io.guildhall.event.event.EventStatus;
import io.guildhall.support.web.InvalidFieldException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CheckInRulesTest {

    static final Instant START = Instant.parse("2026-03-10T17:00:00Z");
    static final Instant END = START.plus(Duration.ofMinutes(90));

    @Test
    void check_in_opens_half_an_hour_before_the_start_and_closes_a_week_after_the_end() {
        Event event = event(EventStatus.SCHEDULED);
        assertThat(CheckInRules.refusal(event, START.minus(Duration.ofMinutes(31)))).isPresent();
        assertThat(CheckInRules.refusal(event, START.minus(Duration.ofMinutes(30)))).isEmpty();
        assertThat(CheckInRules.refusal(event, END)).isEmpty();
        assertThat(CheckInRules.refusal(event, END.plus(Duration.ofDays(7)))).isEmpty();
        assertThat(CheckInRules.refusal(event, END.plus(Duration.ofDays(7)).plusSeconds(1))).get().asString()
                .contains("closed");
    }

    @Test
    void self_check_in_runs_to_two_hours_after_the_end_and_counts_from_the_check_in_or_the_start() {
        Event event = event(EventStatus.SCHEDULED);
        // Early arrivals count from the start; late ones from their check-in.
        assertThat(CheckInRules.selfMinutes(event, START.minus(Duration.ofMinutes(20)))).isEqualTo(90);
        assertThat(CheckInRules.selfMinutes(event, START.plus(Duration.ofMinutes(30)))).isEqualTo(60);
        assertThat(CheckInRules.selfMinutes(event, END.minusSeconds(30))).isEqualTo(1);
        assertThat(CheckInRules.selfRefusal(event, START.plus(Duration.ofMinutes(30)))).isEmpty();
        // After the end nothing is left to count; past two hours the window itself is closed.
        assertThat(CheckInRules.selfRefusal(event, END)).get().asString().contains("organiser");
        assertThat(CheckInRules.selfRefusal(event, END.plus(Duration.ofHours(2)).plusSeconds(1))).get().asString()
                .contains("closed 2 hours after the end");
    }

    @Test
    void nobody_records_their_own_attendance() {
        assertThat(CheckInRules.isOwn("grace", "grace")).isTrue();
        assertThat(CheckInRules.isOwn(" grace ", "grace")).isTrue();
        assertThat(CheckInRules.isOwn("ada", "grace")).isFalse();
        assertThat(CheckInRules.isOwn(null, "grace")).isFalse();
    }

    @Test
    void a_cancelled_event_takes_no_check_in() {
        assertThat(CheckInRules.refusal(event(EventStatus.CANCELLED), START)).contains("the event is cancelled");
        assertThat(CheckInRules.refusal(event(EventStatus.COMPLETED), END.plusSeconds(60))).isEmpty();
    }

    @Test
    void minutes_default_to_the_whole_event_and_stay_within_it() {
        Event event = event(EventStatus.SCHEDULED);
        assertThat(CheckInRules.minutes(null, event, "minutes")).isEqualTo(90);
        assertThat(CheckInRules.minutes(1, event, "minutes")).isEqualTo(1);
        assertThat(CheckInRules.minutes(90, event, "minutes")).isEqualTo(90);
        assertThatThrownBy(() -> CheckInRules.minutes(0, event, "minutes"))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("minutes"));
        assertThatThrownBy(() -> CheckInRules.minutes(91, event, "attendees[3].minutes"))
                .isInstanceOfSatisfying(InvalidFieldException.class,
                        e -> assertThat(e.field()).isEqualTo("attendees[3].minutes"));
    }

    private static Event event(EventStatus status) {
        return new Event(UUID.randomUUID(), null, "t", null, EventCategory.TRAINING, EventFormat.IN_PERSON, "Room", null,
                START, END, "UTC", null, null, "grace", null, status, "ABC234", 0, START, START, false);
    }
}
