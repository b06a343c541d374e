package io.guildhall.analytics.community;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.UUID;

/** What analytics knows of a community, as learnt from the community topic. */
@Serdeable
public record CommunityView(
        UUID id,
        String slug,
        String name,
        String practiceArea,
        String visibility,
        String foundedBy,
        Instant foundedAt,
        Instant updatedAt,
        boolean archived) {
}
