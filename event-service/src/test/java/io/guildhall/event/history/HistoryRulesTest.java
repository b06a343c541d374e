package io.guildhall.event.history;

import io.guildhall.contracts.event.EventCategory;
import io.guildhall.contracts.event.EventFormat;
import io.guildhall.support.web.InvalidFieldException.FieldProblem;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HistoryRulesTest {

    static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");
    static final Instant LAST_MONTH = Instant.parse("2026-11-03T17:00:00Z");

    static HistoryImportRequest request(Instant startsAt, Duration length, Integer capacity, String organiser,
                                        List<HistoryImportRequest.Attendee> attended, List<String> noShows,
                                        List<String> waitlisted) {
        return new HistoryImportRequest("Kotlin coroutines", null, EventCategory.TRAINING, EventFormat.IN_PERSON,
                startsAt, startsAt.plus(length), "Europe/London", capacity, "Room 4", null, null, organiser, attended,
                noShows, waitlisted);
    }

    static HistoryImportRequest.Attendee went(String person, Integer minutes) {
        return new HistoryImportRequest.Attendee(person, minutes);
    }

    static List<String> fields(List<FieldProblem> problems) {
        return problems.stream().map(FieldProblem::field).toList();
    }

    @Test
    void a_full_training_last_month_with_attendees_no_shows_and_a_waitlist_may_be_imported() {
        HistoryImportRequest full = request(LAST_MONTH, Duration.ofMinutes(90), 3, "grace",
                List.of(went("ada", null), went("alan", 45)), List.of("edsger"), List.of("ken", "joan"));
        assertThat(HistoryRules.problems(full, "dennis", NOW)).isEmpty();
    }

    @Test
    void only_events_that_are_over_and_at_most_400_days_back() {
        assertThat(fields(HistoryRules.problems(request(NOW.minus(Duration.ofMinutes(30)), Duration.ofMinutes(90), null,
                "grace", List.of(), List.of(), List.of()), "dennis", NOW))).containsExactly("endsAt");
        assertThat(fields(HistoryRules.problems(request(NOW.minus(Duration.ofDays(401)), Duration.ofMinutes(90), null,
                "grace", List.of(), List.of(), List.of()), "dennis", NOW))).containsExactly("startsAt");
        assertThat(HistoryRules.problems(request(NOW.minus(Duration.ofDays(399)), Duration.ofMinutes(90), null,
                "grace", List.of(), List.of(), List.of()), "dennis", NOW)).isEmpty();
    }

    @Test
    void every_mistake_is_named_at_once() {
        HistoryImportRequest wrong = new HistoryImportRequest("Party", null, EventCategory.PARTY, EventFormat.ONLINE,
                LAST_MONTH, LAST_MONTH.minus(Duration.ofMinutes(1)), "Mars/Olympus", 2, null, null, null, "grace",
                List.of(went("grace", null), went("dennis", null), went("ada", 0), went("ada", null)),
                List.of("alan"), List.of("alan"));
        assertThat(fields(HistoryRules.problems(wrong, "dennis", NOW))).containsExactly(
                "endsAt", "timeZone", "onlineUrl",
                "attended[0].personId", "attended[1].personId", "attended[2].minutes", "attended[3].personId",
                "waitlisted[0]", "capacity");
    }

    @Test
    void the_organiser_and_the_importer_never_attend_and_nobody_is_listed_twice() {
        List<FieldProblem> problems = HistoryRules.problems(request(LAST_MONTH, Duration.ofMinutes(90), null, "grace",
                List.of(went("ada", null)), List.of("grace", "dennis", "ada"), List.of()), "dennis", NOW);
        assertThat(problems).extracting(FieldProblem::field).containsExactly("noShows[0]", "noShows[1]", "noShows[2]");
        assertThat(problems.get(0).message()).contains("organiser");
        assertThat(problems.get(1).message()).contains("own attendance");
        assertThat(problems.get(2).message()).contains("more than once");
    }

    @Test
    void minutes_run_from_1_to_the_events_length() {
        assertThat(fields(HistoryRules.problems(request(LAST_MONTH, Duration.ofMinutes(90), null, "grace",
                List.of(went("ada", 91), went("alan", 90), went("ken", 1)), List.of(), List.of()), "dennis", NOW)))
                .containsExactly("attended[0].minutes");
    }

    @Test
    void attended_and_no_shows_fit_the_seats_and_only_a_full_event_has_a_waitlist() {
        assertThat(fields(HistoryRules.problems(request(LAST_MONTH, Duration.ofMinutes(90), 1, "grace",
                List.of(went("ada", null)), List.of("alan"), List.of()), "dennis", NOW))).containsExactly("capacity");
        assertThat(fields(HistoryRules.problems(request(LAST_MONTH, Duration.ofMinutes(90), 3, "grace",
                List.of(went("ada", null)), List.of(), List.of("ken")), "dennis", NOW))).containsExactly("waitlisted");
        assertThat(fields(HistoryRules.problems(request(LAST_MONTH, Duration.ofMinutes(90), null, "grace",
                List.of(went("ada", null)), List.of(), List.of("ken")), "dennis", NOW))).containsExactly("waitlisted");
    }
}
