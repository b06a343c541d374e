package io.guildhall.community.community;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record CreateCommunityRequest(
        @NotBlank @Size(max = 120) String name,
        @NotBlank @Size(max = 4000) String description,
        @NotBlank @Size(max = 60) String practiceArea,
        Visibility visibility) {
}
