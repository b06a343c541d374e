package io.guildhall.membership.membership;

import io.r2dbc.spi.Readable;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A request to join a REQUEST_TO_JOIN community: PENDING until a lead decides, or WITHDRAWN when it lapses. */
public record MembershipRequest(UUID id, UUID communityId, String personId, String status, String reason,
                                Instant requestedAt, String decidedBy, Instant decidedAt) {

    public static final String PENDING = "PENDING";

    static final String COLUMNS = "id, community_id, person_id, status, reason, requested_at, decided_by, decided_at";

    static MembershipRequest read(Readable row) {
        OffsetDateTime decided = row.get("decided_at", OffsetDateTime.class);
        return new MembershipRequest(row.get("id", UUID.class), row.get("community_id", UUID.class),
                row.get("person_id", String.class), row.get("status", String.class), row.get("reason", String.class),
                row.get("requested_at", OffsetDateTime.class).toInstant(), row.get("decided_by", String.class),
                decided == null ? null : decided.toInstant());
    }
}
