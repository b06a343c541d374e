package io.guildhall.community.community;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A community as the API shows it: its state, its charter and its leads. The ETag header carries {@code version}. */
public record CommunityView(
        UUID id,
        String slug,
        String name,
        String description,
        String practiceArea,
        Visibility visibility,
        Charter charter,
        @Schema(description = "Person id of the executive sponsor, if any") String sponsorId,
        @Schema(description = "Person ids of the leads, in the order they became leads") List<String> leads,
        CommunityStatus status,
        String foundedBy,
        Instant createdAt,
        Instant updatedAt,
        String archivedBy,
        Instant archivedAt,
        long version,
        @Schema(description = "Where the community talks (Slack, Teams, LinkedIn, a mailing list), as its leads list them")
        List<Channel> channels) {

    static CommunityView of(Community c, List<String> leads) {
        return new CommunityView(c.id(), c.slug(), c.name(), c.description(), c.practiceArea(), c.visibility(),
                c.charter(), c.sponsorId(), leads, c.status(), c.foundedBy(), c.createdAt(), c.updatedAt(),
                c.archivedBy(), c.archivedAt(), c.version(), c.channels());
    }

    public String etag() {
        return "\"" + version + "\"";
    }
}
