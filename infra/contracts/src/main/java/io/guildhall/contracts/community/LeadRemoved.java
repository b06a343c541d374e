package io.guildhall.contracts.community;

import io.guildhall.contracts.GuildhallEvent;

import java.time.Instant;
import java.util.UUID;

/** {@code guildhall.community.lead-removed.v1}: a person stopped being a lead; a community never loses its last lead. */
public record LeadRemoved(
        UUID communityId,
        String personId,
        String removedBy,
        Instant removedAt) implements GuildhallEvent {

    @Override
    public String aggregateId() {
        return communityId.toString();
    }
}
