package io.guildhall.analytics.membership;

import io.guildhall.analytics.messaging.AsOf;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A person's membership of a community: role, when they (last) joined, when they left. */
public record MembershipRow(UUID communityId, String personId, String role, Instant joinedAt, Instant leftAt,
                            Instant asOf) {

    public static final String MEMBER = "MEMBER";

    /** MembershipJoined: a member again (a rejoin clears the leaving); an older join only fills a missing date. */
    public static Optional<MembershipRow> afterJoined(Optional<MembershipRow> current, UUID communityId, String personId,
                                                      String role, Instant joinedAt, Instant asOf) {
        if (current.isEmpty() || !AsOf.isStale(current.get().asOf(), asOf)) {
            return Optional.of(new MembershipRow(communityId, personId, role, joinedAt, null, asOf));
        }
        MembershipRow row = current.get();
        return row.joinedAt() != null ? Optional.empty()
                : Optional.of(new MembershipRow(communityId, personId, row.role(), joinedAt, row.leftAt(), row.asOf()));
    }

    public static Optional<MembershipRow> afterLeft(Optional<MembershipRow> current, UUID communityId, String personId,
                                                    Instant leftAt, Instant asOf) {
        if (current.isEmpty()) {
            return Optional.of(new MembershipRow(communityId, personId, MEMBER, null, leftAt, asOf));
        }
        MembershipRow row = current.get();
        if (AsOf.isStale(row.asOf(), asOf)) {
            return Optional.empty();
        }
        return Optional.of(new MembershipRow(communityId, personId, row.role(), row.joinedAt(), leftAt, asOf));
    }

    public static Optional<MembershipRow> afterRoleChanged(Optional<MembershipRow> current, UUID communityId,
                                                           String personId, String role, Instant asOf) {
        if (current.isEmpty()) {
            return Optional.of(new MembershipRow(communityId, personId, role, null, null, asOf));
        }
        MembershipRow row = current.get();
        if (AsOf.isStale(row.asOf(), asOf)) {
            return Optional.empty();
        }
        return Optional.of(new MembershipRow(communityId, personId, role, row.joinedAt(), row.leftAt(), asOf));
    }
}
