package io.guildhall.contracts.contribution;

import io.guildhall.contracts.GuildhallEvent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** {@code guildhall.contribution.deleted.v1}: a person deleted their own log entry; it no longer counts. */
public record ContributionDeleted(
        UUID contributionId,
        String personId,
        UUID communityId,
        LocalDate date,
        Instant deletedAt) implements GuildhallEvent {

    @Override
    public String aggregateId() {
        return contributionId.toString();
    }
}
