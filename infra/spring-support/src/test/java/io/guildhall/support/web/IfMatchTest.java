package io.guildhall.support.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IfMatchTest {

    @Test
    void an_absent_header_or_a_star_lets_the_write_go_ahead() {
        assertThat(IfMatch.matches(null, 3)).isTrue();
        assertThat(IfMatch.matches("  ", 3)).isTrue();
        assertThat(IfMatch.matches("*", 3)).isTrue();
        assertThat(IfMatch.matches(" * ", 3)).isTrue();
    }

    @Test
    void strong_weak_and_listed_tags_match_the_current_version() {
        assertThat(IfMatch.matches("\"3\"", 3)).isTrue();
        assertThat(IfMatch.matches("W/\"3\"", 3)).isTrue();
        assertThat(IfMatch.matches("\"1\", W/\"3\"", 3)).isTrue();
        assertThat(IfMatch.matches("3", 3)).isTrue();
    }

    @Test
    void an_older_version_is_a_precondition_failure() {
        assertThat(IfMatch.matches("\"2\"", 3)).isFalse();
        assertThat(IfMatch.matches("\"2\", \"4\"", 3)).isFalse();
        assertThat(IfMatch.matches("\"33\"", 3)).isFalse();
        assertThatThrownBy(() -> IfMatch.requireMatch("\"2\"", 3)).isInstanceOf(PreconditionFailedException.class)
                .hasMessageContaining("\"3\"");
    }
}
