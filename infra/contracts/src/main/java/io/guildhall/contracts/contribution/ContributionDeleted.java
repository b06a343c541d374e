package io.guildhall.contracts.contribution;

import io.guildhall.contracts.Description;
import io.guildhall.contracts.GuildhallEvent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

@Description("A person deleted their own log entry; it no longer counts.")
public record ContributionDeleted(
        @Description("The log entry; also the Kafka record key and ce_subject.")
        UUID contributionId,
        @Description("Whose entry it was (Keycloak user id, the token's sub).")
        String personId,
        @Description("The community the work was for.")
        UUID communityId,
        @Description("The day of the deleted entry (ISO date).")
        LocalDate date,
        @Description("When it was deleted (RFC 3339, UTC).")
        Instant deletedAt) implements GuildhallEvent {

    @Override
    public String aggregateId() {
        return contributionId.toString();
    }
}
