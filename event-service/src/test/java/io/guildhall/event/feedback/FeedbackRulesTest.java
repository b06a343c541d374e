package io.guildhall.event.feedback;

import io.guildhall.contracts.event.EventCategory;
import io.guildhall.contracts.event.EventFormat;
import io.guildhall.event.event.Event;
import io.guildhall.event.event.EventStatus;
import io.guildhall.support.web.ConflictException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FeedbackRulesTest {

    private static final Instant START = Instant.parse("2026-11-20T17:00:00Z");
    private static final UUID EVENT = UUID.randomUUID();

    @Test
    void feedback_is_open_until_14_days_after_the_end_and_never_on_a_cancelled_event() {
        Event held = event(EventStatus.SCHEDULED);
        Instant end = START.plus(Duration.ofHours(2));
        assertThatCode(() -> FeedbackRules.checkOpen(held, end.plus(Duration.ofDays(14)))).doesNotThrowAnyException();
        assertThatThrownBy(() -> FeedbackRules.checkOpen(held, end.plus(Duration.ofDays(14)).plusSeconds(1)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("14 days");
        assertThatThrownBy(() -> FeedbackRules.checkOpen(event(EventStatus.CANCELLED), end))
                .isInstanceOf(ConflictException.class).hasMessageContaining("cancelled");
        assertThat(FeedbackRules.editableUntil(held)).isEqualTo(end.plus(Duration.ofDays(14)));
    }

    @Test
    void under_five_answers_only_the_count_shows() {
        FeedbackSummary four = FeedbackRules.summarise(EVENT, List.of(f(5, "a"), f(4, null), f(3, "b"), f(1, "c")));
        assertThat(four.count()).isEqualTo(4);
        assertThat(four.suppressed()).isTrue();
        assertThat(four.mean()).isNull();
        assertThat(four.distribution()).isNull();
        assertThat(four.comments()).isNull();
        assertThat(FeedbackRules.summarise(EVENT, List.of()).count()).isZero();
    }

    @Test
    void from_five_the_mean_the_spread_and_the_comments_sorted_by_text() {
        FeedbackSummary five = FeedbackRules.summarise(EVENT, List.of(f(5, "zeal"), f(4, " "), f(4, "Awesome"),
                f(2, null), f(1, "meh")));
        assertThat(five.suppressed()).isFalse();
        assertThat(five.mean()).isEqualTo(3.2);
        assertThat(five.distribution()).containsEntry(1, 1).containsEntry(2, 1).containsEntry(3, 0).containsEntry(4, 2)
                .containsEntry(5, 1);
        assertThat(five.comments()).containsExactly("Awesome", "meh", "zeal");
    }

    private static Feedback f(int rating, String comment) {
        return new Feedback(UUID.randomUUID(), EVENT, UUID.randomUUID().toString(), rating, comment, START, START);
    }

    private static Event event(EventStatus status) {
        return new Event(EVENT, null, "Retro", null, EventCategory.COMMUNITY_MEETUP, EventFormat.IN_PERSON, "Room 1",
                null, START, START.plus(Duration.ofHours(2)), "Europe/London", null, null, "grace", null, status,
                "CODE12", 0, START, START, false);
    }
}
