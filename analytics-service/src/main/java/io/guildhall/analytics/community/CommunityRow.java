package io.guildhall.analytics.community;

import io.guildhall.analytics.messaging.AsOf;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A community row and how its events change it. {@code updatedAt} is the time of the newest applied event and
 * {@code version} counts applied events (stale ones too, so the count does not depend on the arrival order).
 * Founder and founding time belong to CommunityFounded alone; name, slug, practice area and visibility to whichever of
 * CommunityFounded and CommunityUpdated is newer.
 */
public record CommunityRow(UUID id, String slug, String name, String practiceArea, String visibility, String foundedBy,
                           Instant foundedAt, Instant updatedAt, long version, boolean archived) {

    /** The founder of a community only known from an update so far: CommunityFounded fills it in. */
    public static final String UNKNOWN_FOUNDER = "";

    public static CommunityRow afterFounded(Optional<CommunityRow> current, CommunityRow founded) {
        if (current.isEmpty()) {
            return founded;
        }
        CommunityRow row = current.get();
        CommunityRow descriptive = AsOf.isStale(row.updatedAt(), founded.updatedAt()) ? row : founded;
        return new CommunityRow(row.id(), descriptive.slug(), descriptive.name(), descriptive.practiceArea(),
                descriptive.visibility(), founded.foundedBy(), founded.foundedAt(),
                AsOf.latest(row.updatedAt(), founded.updatedAt()), row.version() + 1, row.archived());
    }

    public static CommunityRow afterUpdated(Optional<CommunityRow> current, UUID id, String slug, String name,
                                            String practiceArea, String visibility, Instant asOf) {
        if (current.isEmpty()) {
            return new CommunityRow(id, slug, name, practiceArea, visibility, UNKNOWN_FOUNDER, asOf, asOf, 1, false);
        }
        CommunityRow row = current.get();
        if (AsOf.isStale(row.updatedAt(), asOf)) {
            return row.counted(row.updatedAt(), row.archived());
        }
        return new CommunityRow(id, slug, name, practiceArea, visibility, row.foundedBy(), row.foundedAt(), asOf,
                row.version() + 1, row.archived());
    }

    /** Archiving is for good. Nothing to do for a community not known yet: it has no name to keep. */
    public static Optional<CommunityRow> afterArchived(Optional<CommunityRow> current, Instant asOf) {
        return current.map(row -> row.counted(AsOf.latest(row.updatedAt(), asOf), true));
    }

    private CommunityRow counted(Instant newUpdatedAt, boolean newArchived) {
        return new CommunityRow(id, slug, name, practiceArea, visibility, foundedBy, foundedAt, newUpdatedAt,
                version + 1, newArchived);
    }
}
