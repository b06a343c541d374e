package io.guildhall.contracts.contribution;

import io.guildhall.contracts.EnumValues;
import io.guildhall.contracts.GuildhallEvent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** {@code guildhall.contribution.corrected.v1}: a person corrected their own log entry; carries the whole entry after the correction, which replaces the logged one. */
public record ContributionCorrected(
        UUID contributionId,
        String personId,
        UUID communityId,
        @EnumValues(ContributionKind.class) String kind,
        @EnumValues(ContributionDirection.class) String direction,
        LocalDate date,
        int minutes,
        Instant correctedAt) implements GuildhallEvent {

    @Override
    public String aggregateId() {
        return contributionId.toString();
    }
}
