package io.guildhall.membership.membership;

import io.r2dbc.spi.Readable;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One membership period of a person in a community; open while {@code leftAt} is null. */
public record Membership(UUID id, UUID communityId, String personId, String role, String route, Instant joinedAt,
                         Instant leftAt, String leaveReason) {

    public static final String MEMBER = "MEMBER";
    public static final String LEAD = "LEAD";

    static final String COLUMNS = "id, community_id, person_id, role, route, joined_at, left_at, leave_reason";

    static Membership read(Readable row) {
        OffsetDateTime left = row.get("left_at", OffsetDateTime.class);
        return new Membership(row.get("id", UUID.class), row.get("community_id", UUID.class),
                row.get("person_id", String.class), row.get("role", String.class), row.get("route", String.class),
                row.get("joined_at", OffsetDateTime.class).toInstant(), left == null ? null : left.toInstant(),
                row.get("leave_reason", String.class));
    }

    public boolean lead() {
        return LEAD.equals(role);
    }
}
