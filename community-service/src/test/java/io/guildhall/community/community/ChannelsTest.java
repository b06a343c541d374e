package io.guildhall.community.community;

import io.guildhall.support.web.InvalidFieldException.FieldProblem;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ChannelsTest {

    @Test
    void web_addresses_for_every_kind_and_mailto_for_a_mailing_list_only() {
        assertThat(Channels.isAddress("https://example.slack.com/archives/C1", Channel.Kind.SLACK)).isTrue();
        assertThat(Channels.isAddress("http://lists.example.com/readers", Channel.Kind.MAILING_LIST)).isTrue();
        assertThat(Channels.isAddress("mailto:readers@example.com", Channel.Kind.MAILING_LIST)).isTrue();
        assertThat(Channels.isAddress("mailto:readers@example.com", Channel.Kind.SLACK)).isFalse();
        assertThat(Channels.isAddress("mailto:not-an-address", Channel.Kind.MAILING_LIST)).isFalse();
        assertThat(Channels.isAddress("javascript:alert(1)", Channel.Kind.OTHER)).isFalse();
        assertThat(Channels.isAddress("slack.com/x", Channel.Kind.SLACK)).isFalse();
        assertThat(Channels.isAddress("https:// spaces", Channel.Kind.OTHER)).isFalse();
    }

    @Test
    void every_broken_rule_is_named_with_its_index() {
        List<FieldProblem> problems = Channels.problems(List.of(
                new Channel(Channel.Kind.SLACK, "https://a.example.com"),
                new Channel(Channel.Kind.TEAMS, "ftp://b.example.com"),
                new Channel(Channel.Kind.OTHER, "HTTPS://A.example.com")));
        assertThat(problems).extracting(FieldProblem::field).containsExactly("channels[1].url", "channels[2].url");
        assertThat(problems.get(1).message()).isEqualTo("is listed twice");
        assertThat(Channels.problems(Collections.nCopies(11, new Channel(Channel.Kind.OTHER, "https://x.example.com"))))
                .extracting(FieldProblem::field).startsWith("channels");
        assertThat(Channels.problems(null)).isEmpty();
    }
}
