package io.guildhall.community.community;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A partial update: absent (or null) fields stay as they are; an empty string clears charter parts and the sponsor. */
public record UpdateCommunityRequest(
        @Size(max = 120) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String name,
        @Size(max = 4000) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String description,
        @Size(max = 60) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String practiceArea,
        Visibility visibility,
        @Valid Charter charter,
        @Schema(description = "Person id of the executive sponsor; empty string removes the sponsor") @Size(max = 64) String sponsorId,
        @Schema(description = "The community's channels, all of them (null leaves them; [] removes them); at most 10")
        List<@Valid Channel> channels) {
}
