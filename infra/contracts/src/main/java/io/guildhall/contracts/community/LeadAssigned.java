package io.guildhall.contracts.community;

import io.guildhall.contracts.GuildhallEvent;

import java.time.Instant;
import java.util.UUID;

/** {@code guildhall.community.lead-assigned.v1}: a lead made another person a (co-)lead of the community. */
public record LeadAssigned(
        UUID communityId,
        String personId,
        String assignedBy,
        Instant assignedAt) implements GuildhallEvent {

    @Override
    public String aggregateId() {
        return communityId.toString();
    }
}
