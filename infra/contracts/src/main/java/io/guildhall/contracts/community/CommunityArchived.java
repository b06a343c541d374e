package io.guildhall.contracts.community;

import io.guildhall.contracts.GuildhallEvent;

import java.time.Instant;
import java.util.UUID;

/** {@code guildhall.community.archived.v1}: a lead archived a community; its history stays readable. */
public record CommunityArchived(
        UUID communityId,
        String archivedBy,
        Instant archivedAt) implements GuildhallEvent {

    @Override
    public String aggregateId() {
        return communityId.toString();
    }
}
