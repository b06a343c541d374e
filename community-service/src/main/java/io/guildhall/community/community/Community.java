package io.guildhall.community.community;

import io.guildhall.contracts.community.CommunityArchived;
import io.guildhall.contracts.community.CommunityBecameInactive;
import io.guildhall.contracts.community.CommunityRenewed;
import io.guildhall.contracts.community.CommunityFounded;
import io.guildhall.contracts.community.CommunityUpdated;
import io.guildhall.support.web.ConflictException;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A community of practice. Domain methods return the new state together with the event they caused; {@code version}
 * is null until {@link CommunityStore} first stores it.
 */
public record Community(
        UUID id,
        String slug,
        String name,
        String description,
        String practiceArea,
        Visibility visibility,
        String purpose,
        String scope,
        String waysOfWorking,
        String sponsorId,
        CommunityStatus status,
        String foundedBy,
        Instant createdAt,
        Instant updatedAt,
        String archivedBy,
        Instant archivedAt,
        Long version,
        List<Channel> channels) {

    public Community {
        channels = channels == null ? List.of() : List.copyOf(channels);
    }

    public record Founded(Community community, CommunityFounded event) {
    }

    public record Updated(Community community, CommunityUpdated event) {
    }

    public record Archived(Community community, CommunityArchived event) {
    }

    public record BecameInactive(Community community, CommunityBecameInactive event) {
    }

    public record Renewed(Community community, CommunityRenewed event) {
    }

    /** Any employee may found a community; the founder becomes its first lead. */
    public static Founded found(UUID id, String name, String description, String practiceArea, Visibility visibility,
                                Charter charter, String sponsorId, List<Channel> channels, String founder, Instant now) {
        String trimmed = name.trim();
        Charter normalised = charter == null ? Charter.EMPTY : charter.normalized();
        Community community = new Community(id, Slug.of(trimmed), trimmed, description.trim(),
                practiceArea(practiceArea), visibility == null ? Visibility.OPEN : visibility,
                normalised.purpose(), normalised.scope(), normalised.waysOfWorking(), blankToNull(sponsorId),
                CommunityStatus.ACTIVE, founder, now, now, null, null, null, Channels.normalised(channels));
        CommunityFounded event = new CommunityFounded(id, community.slug, community.name, community.description,
                community.practiceArea, community.visibility.name(), founder, now, community.sponsorId);
        return new Founded(community, event);
    }

    /**
     * Applies the fields given (a null one stays as it is); an empty string clears an optional field (charter parts,
     * sponsor).
     */
    public Updated update(String newName, String newDescription, String newPracticeArea, Visibility newVisibility,
                          Charter charterPatch, String newSponsorId, List<Channel> newChannels, String by, Instant now) {
        requireActive();
        String renamed = newName == null ? name : newName.trim();
        Charter charter = charter().patchedWith(charterPatch);
        Community updated = new Community(id, renamed.equals(name) ? slug : Slug.of(renamed), renamed,
                newDescription == null ? description : newDescription.trim(),
                newPracticeArea == null ? practiceArea : practiceArea(newPracticeArea),
                newVisibility == null ? visibility : newVisibility,
                charter.purpose(), charter.scope(), charter.waysOfWorking(),
                newSponsorId == null ? sponsorId : blankToNull(newSponsorId),
                status, foundedBy, createdAt, now, archivedBy, archivedAt, version,
                newChannels == null ? channels : Channels.normalised(newChannels));
        return new Updated(updated, updated.updatedEvent(by, now));
    }

    /** Archiving hides the community from default listings and freezes it; nothing is deleted. */
    public Archived archive(String by, Instant now) {
        requireActive();
        Community archived = new Community(id, slug, name, description, practiceArea, visibility, purpose, scope,
                waysOfWorking, sponsorId, CommunityStatus.ARCHIVED, foundedBy, createdAt, now, by, now, version, channels);
        return new Archived(archived, new CommunityArchived(id, by, now));
    }

    /** No event since {@code lastActivity} for {@code days} days: INACTIVE (only an ACTIVE community becomes so). */
    public BecameInactive becomeInactive(Instant lastActivity, int days, Instant now) {
        if (status != CommunityStatus.ACTIVE) {
            throw new ConflictException("status", "only an active community becomes inactive");
        }
        return new BecameInactive(withStatus(CommunityStatus.INACTIVE, now),
                new CommunityBecameInactive(id, lastActivity, days, now));
    }

    /** Active again: renewed by a lead or admin ({@code by}), or by an event scheduled for it ({@code by} null). */
    public Renewed renew(String by, Instant now) {
        if (status != CommunityStatus.INACTIVE) {
            throw new ConflictException("status", isArchived() ? "the community is archived and can no longer be changed"
                    : "the community is active; only an inactive one is renewed");
        }
        return new Renewed(withStatus(CommunityStatus.ACTIVE, now), new CommunityRenewed(id, by, now));
    }

    private Community withStatus(CommunityStatus next, Instant now) {
        return new Community(id, slug, name, description, practiceArea, visibility, purpose, scope, waysOfWorking,
                sponsorId, next, foundedBy, createdAt, now, archivedBy, archivedAt, version, channels);
    }

    /** The same community at another version (the store sets it as it writes). */
    public Community withVersion(long next) {
        return new Community(id, slug, name, description, practiceArea, visibility, purpose, scope, waysOfWorking,
                sponsorId, status, foundedBy, createdAt, updatedAt, archivedBy, archivedAt, next, channels);
    }

    public Charter charter() {
        return new Charter(purpose, scope, waysOfWorking);
    }

    public boolean isArchived() {
        return status == CommunityStatus.ARCHIVED;
    }

    public void requireActive() {
        if (isArchived()) {
            throw new ConflictException("status", "the community is archived and can no longer be changed");
        }
    }

    CommunityUpdated updatedEvent(String by, Instant now) {
        return new CommunityUpdated(id, slug, name, description, practiceArea, visibility.name(), sponsorId, by, now);
    }

    private static String practiceArea(String raw) {
        return raw.trim().toLowerCase(Locale.ROOT);
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
