package io.guildhall.membership.contribution;

import io.guildhall.contracts.contribution.ContributionDirection;
import io.guildhall.contracts.contribution.ContributionKind;
import io.guildhall.support.web.ConflictException;
import io.guildhall.support.web.InvalidFieldException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContributionRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 31);
    private final ContributionRules rules = new ContributionRules(30, 14, 960);

    @Test
    void every_broken_rule_of_an_entry_is_named_at_once_and_missing_values_are_left_to_the_constraints() {
        assertThat(rules.problems("DANCING", 0, TODAY.plusDays(1), TODAY))
                .extracting(InvalidFieldException.FieldProblem::field).containsExactly("kind", "minutes", "date");
        assertThat(rules.problems(null, null, null, TODAY)).isEmpty();
        assertThat(rules.problems("WRITING", 30, TODAY, TODAY)).isEmpty();
    }

    @Test
    void minutes_are_between_1_and_600() {
        assertThatCode(() -> rules.checkMinutes(1)).doesNotThrowAnyException();
        assertThatCode(() -> rules.checkMinutes(600)).doesNotThrowAnyException();
        assertField(() -> rules.checkMinutes(0), "minutes");
        assertField(() -> rules.checkMinutes(601), "minutes");
        assertField(() -> rules.checkMinutes(-5), "minutes");
    }

    @Test
    void the_date_is_not_in_the_future_and_not_older_than_the_window() {
        assertThatCode(() -> rules.checkDate(TODAY, TODAY)).doesNotThrowAnyException();
        assertThatCode(() -> rules.checkDate(TODAY.minusDays(30), TODAY)).doesNotThrowAnyException();
        assertField(() -> rules.checkDate(TODAY.plusDays(1), TODAY), "date");
        assertField(() -> rules.checkDate(TODAY.minusDays(31), TODAY), "date");
        assertField(() -> new ContributionRules(7, 14, 960).checkDate(TODAY.minusDays(8), TODAY), "date");
    }

    @Test
    void a_day_holds_at_most_16_hours() {
        assertThatCode(() -> rules.checkDay(TODAY, 360, 600)).doesNotThrowAnyException();
        assertField(() -> rules.checkDay(TODAY, 361, 600), "minutes");
        assertField(() -> rules.checkDay(TODAY, 960, 1), "minutes");
    }

    @Test
    void an_entry_can_be_changed_within_14_days_of_logging_it() {
        Instant logged = Instant.parse("2026-03-01T10:00:00Z");
        assertThatCode(() -> rules.checkEditable(logged, logged.plus(Duration.ofDays(14)))).doesNotThrowAnyException();
        assertThatThrownBy(() -> rules.checkEditable(logged, logged.plus(Duration.ofDays(14)).plusSeconds(1)))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void each_kind_is_giving_or_taking_and_unknown_kinds_are_rejected_naming_the_field() {
        assertThat(ContributionRules.directionOf(ContributionKind.MENTORING)).isEqualTo(ContributionDirection.GIVING);
        assertThat(ContributionRules.directionOf(ContributionKind.ANSWERING_QUESTIONS)).isEqualTo(ContributionDirection.GIVING);
        assertThat(ContributionRules.directionOf(ContributionKind.BEING_MENTORED)).isEqualTo(ContributionDirection.TAKING);
        assertThat(ContributionRules.directionOf(ContributionKind.LEARNING)).isEqualTo(ContributionDirection.TAKING);
        assertField(() -> ContributionRules.kind("DANCING"), "kind");
        assertField(() -> ContributionRules.kind(null), "kind");
    }

    private static void assertField(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidFieldException.class,
                e -> assertThat(e.field()).isEqualTo(field));
    }
}
