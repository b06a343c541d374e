package io.guildhall.community.community;

import io.guildhall.contracts.community.CommunityFounded;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

import java.time.Instant;
import java.util.UUID;

/** A community of practice. Domain methods return the new state together with the events they caused. */
@Table("community")
public record Community(
        @Id UUID id,
        String slug,
        String name,
        String description,
        String practiceArea,
        Visibility visibility,
        CommunityStatus status,
        String foundedBy,
        Instant createdAt,
        Instant updatedAt,
        @Version Long version) {

    public record Founded(Community community, CommunityFounded event) {
    }

    /** Any employee may found a community; the founder becomes its first lead. */
    public static Founded found(UUID id, String name, String description, String practiceArea, Visibility visibility,
                                String founder, Instant now) {
        String trimmedName = name.trim();
        Community community = new Community(id, Slug.of(trimmedName), trimmedName, description.trim(),
                practiceArea.trim().toLowerCase(java.util.Locale.ROOT), visibility == null ? Visibility.OPEN : visibility,
                CommunityStatus.ACTIVE, founder, now, now, null);
        CommunityFounded event = new CommunityFounded(id, community.slug(), community.name(), community.description(),
                community.practiceArea(), community.visibility().name(), founder, now);
        return new Founded(community, event);
    }
}
