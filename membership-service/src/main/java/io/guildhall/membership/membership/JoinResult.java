package io.guildhall.membership.membership;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.UUID;

/** JOINED with the membership, or REQUESTED with the pending request. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JoinResult(String status, UUID communityId, String personId, String role, Instant joinedAt,
                         UUID requestId, Instant requestedAt) {

    static JoinResult joined(Membership m) {
        return new JoinResult("JOINED", m.communityId(), m.personId(), m.role(), m.joinedAt(), null, null);
    }

    static JoinResult requested(MembershipRequest r) {
        return new JoinResult("REQUESTED", r.communityId(), r.personId(), null, null, r.id(), r.requestedAt());
    }

    boolean joined() {
        return "JOINED".equals(status);
    }
}
