package io.guildhall.contracts.contribution;

import io.guildhall.contracts.Description;
import io.guildhall.contracts.EnumValues;
import io.guildhall.contracts.GuildhallEvent;
import io.guildhall.contracts.Maximum;
import io.guildhall.contracts.Minimum;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

@Description("A person logged minutes of community work outside events.")
public record ContributionLogged(
        @Description("The log entry; also the Kafka record key and ce_subject.")
        UUID contributionId,
        @Description("Who did the work (Keycloak user id, the token's sub).")
        String personId,
        @Description("The community the work was for.")
        UUID communityId,
        @Description("What kind of work.")
        @EnumValues(ContributionKind.class) String kind,
        @Description("GIVING (mentoring, speaking, organising, answering questions, writing) or TAKING (being mentored, "
                + "learning); follows from kind.")
        @EnumValues(ContributionDirection.class) String direction,
        @Description("The day the work was done (ISO date).")
        LocalDate date,
        @Description("Minutes of work, 1 to 600.")
        @Minimum(1) @Maximum(600) int minutes,
        @Description("When it was logged (RFC 3339, UTC).")
        Instant loggedAt) implements GuildhallEvent {

    @Override
    public String aggregateId() {
        return contributionId.toString();
    }
}
