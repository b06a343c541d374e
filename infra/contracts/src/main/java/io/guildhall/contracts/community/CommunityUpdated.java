package io.guildhall.contracts.community;

import io.guildhall.contracts.EnumValues;
import io.guildhall.contracts.GuildhallEvent;
import io.guildhall.contracts.Nullable;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code guildhall.community.updated.v1}: a lead edited a community. Carries the community's public state after
 * the edit (not a diff), so a consumer's replica simply overwrites what it holds.
 */
public record CommunityUpdated(
        UUID communityId,
        String slug,
        String name,
        String description,
        String practiceArea,
        @EnumValues(Visibility.class) String visibility,
        @Nullable String sponsorId,
        String updatedBy,
        Instant updatedAt) implements GuildhallEvent {

    @Override
    public String aggregateId() {
        return communityId.toString();
    }
}
