package io.guildhall.contracts.person;

import io.guildhall.contracts.Description;
import io.guildhall.contracts.EnumValues;
import io.guildhall.contracts.GuildhallEvent;

import java.time.Instant;
import java.time.LocalDate;

@Description("A person became inactive from effectiveFrom on: their Keycloak user was disabled or deleted.")
public record PersonDeactivated(
        @Description("The person (Keycloak user id, the token's sub); also the Kafka record key and ce_subject.")
        String personId,
        @Description("DISABLED: the Keycloak user is disabled; DELETED: the Keycloak user no longer exists.")
        @EnumValues(DeactivationReason.class) String reason,
        @Description("The first day (ISO date) on which the person is inactive.")
        LocalDate effectiveFrom,
        @Description("When the directory noticed (RFC 3339, UTC).")
        Instant deactivatedAt) implements GuildhallEvent {

    @Override
    public String aggregateId() {
        return personId;
    }
}
