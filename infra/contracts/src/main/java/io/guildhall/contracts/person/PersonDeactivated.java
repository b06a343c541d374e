package io.guildhall.contracts.person;

import io.guildhall.contracts.EnumValues;
import io.guildhall.contracts.GuildhallEvent;

import java.time.Instant;
import java.time.LocalDate;

/** {@code guildhall.person.deactivated.v1}: a person became inactive: their Keycloak user was disabled or deleted. */
public record PersonDeactivated(
        String personId,
        @EnumValues(DeactivationReason.class) String reason,
        LocalDate effectiveFrom,
        Instant deactivatedAt) implements GuildhallEvent {

    @Override
    public String aggregateId() {
        return personId;
    }
}
