package io.guildhall.community.community;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A place where the community talks: a Slack or Teams channel, a LinkedIn group, a mailing list. */
public record Channel(
        @Schema(description = "SLACK, TEAMS, LINKEDIN, MAILING_LIST or OTHER") @NotNull Kind kind,
        @Schema(description = "An https:// (or http://) address; a mailing list may give mailto:", example = "https://example.slack.com/archives/C123")
        @NotBlank @Size(max = 500) String url) {

    public enum Kind { SLACK, TEAMS, LINKEDIN, MAILING_LIST, OTHER }
}
