package io.guildhall.membership.membership;

import java.time.Instant;
import java.util.UUID;

/** One change of a membership: JOINED, LEFT, ROLE_CHANGED, REQUESTED, REQUEST_APPROVED, REQUEST_DECLINED. */
public record HistoryEntry(UUID communityId, String communityName, String change, String role, String detail,
                           String changedBy, Instant changedAt) {
}
