package io.guildhall.contracts.person;

import io.guildhall.contracts.GuildhallEvent;
import io.guildhall.contracts.Nullable;

import java.time.Instant;
import java.time.LocalDate;

/** {@code guildhall.person.registered.v1}: a person appeared in the directory (first seen in Keycloak); carries their profile. */
public record PersonRegistered(
        String personId,
        /** Not published any more (null): events keep no name, so an erasure leaves none in Kafka's history. */
        @Nullable String displayName,
        @Nullable String department,
        @Nullable String level,
        @Nullable String location,
        @Nullable String managerId,
        int weeklyHours,
        boolean weeklyHoursDefaulted,
        boolean active,
        LocalDate effectiveFrom,
        Instant registeredAt) implements GuildhallEvent {

    @Override
    public String aggregateId() {
        return personId;
    }
}
