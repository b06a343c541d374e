package io.guildhall.community.community;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record CreateCommunityRequest(
        @Schema(description = "Unique (case-insensitive); the URL slug is derived from it") @NotBlank @Size(max = 120) String name,
        @NotBlank @Size(max = 4000) String description,
        @Schema(description = "Practice area tag, stored lower-case", example = "java") @NotBlank @Size(max = 60) String practiceArea,
        @Schema(description = "OPEN (default) or REQUEST_TO_JOIN") Visibility visibility,
        @Valid Charter charter,
        @Schema(description = "Person id (Keycloak subject) of the executive sponsor") @Size(max = 64) String sponsorId,
        @Schema(description = "Where the community talks; at most 10") List<@Valid Channel> channels) {

    public CreateCommunityRequest(String name, String description, String practiceArea, Visibility visibility) {
        this(name, description, practiceArea, visibility, null, null, null);
    }
}
