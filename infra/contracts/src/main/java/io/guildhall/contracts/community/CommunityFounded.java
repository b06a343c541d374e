package io.guildhall.contracts.community;

import io.guildhall.contracts.EnumValues;
import io.guildhall.contracts.GuildhallEvent;
import io.guildhall.contracts.Nullable;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code guildhall.community.founded.v1}: an employee founded a community and became its first lead.
 * No separate {@link LeadAssigned} is published for the founder: {@code foundedBy} is the first lead.
 */
public record CommunityFounded(
        UUID communityId,
        String slug,
        String name,
        String description,
        String practiceArea,
        @EnumValues(Visibility.class) String visibility,
        String foundedBy,
        Instant foundedAt,
        @Nullable String sponsorId) implements GuildhallEvent {

    /** A community founded without an executive sponsor. */
    public CommunityFounded(UUID communityId, String slug, String name, String description, String practiceArea,
                            String visibility, String foundedBy, Instant foundedAt) {
        this(communityId, slug, name, description, practiceArea, visibility, foundedBy, foundedAt, null);
    }

    @Override
    public String aggregateId() {
        return communityId.toString();
    }
}
