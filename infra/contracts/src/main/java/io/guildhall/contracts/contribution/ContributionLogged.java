package io.guildhall.contracts.contribution;

import io.guildhall.contracts.EnumValues;
import io.guildhall.contracts.GuildhallEvent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** {@code guildhall.contribution.logged.v1}: a person logged minutes of community work outside events. */
public record ContributionLogged(
        UUID contributionId,
        String personId,
        UUID communityId,
        @EnumValues(ContributionKind.class) String kind,
        @EnumValues(ContributionDirection.class) String direction,
        LocalDate date,
        int minutes,
        Instant loggedAt) implements GuildhallEvent {

    @Override
    public String aggregateId() {
        return contributionId.toString();
    }
}
