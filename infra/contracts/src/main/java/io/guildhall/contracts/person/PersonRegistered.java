package io.guildhall.contracts.person;

import io.guildhall.contracts.Description;
import io.guildhall.contracts.GuildhallEvent;
import io.guildhall.contracts.Maximum;
import io.guildhall.contracts.Minimum;
import io.guildhall.contracts.Nullable;

import java.time.Instant;
import java.time.LocalDate;

@Description("A person appeared in the directory (first seen in Keycloak); carries their profile and the date it "
        + "applies from.")
public record PersonRegistered(
        @Description("The person (Keycloak user id, the token's sub); also the Kafka record key and ce_subject.")
        String personId,
        @Description("Always null since 2026-12 (privacy, docs/privacy.md): events carry no name, so an erased person's "
                + "name is not in the topic's history. Older events may carry the display name; consumers that need "
                + "a name ask membership-service (GET /api/people/{id}).")
        @Nullable String displayName,
        @Description("Department attribute, if set.")
        @Nullable String department,
        @Description("Level attribute (e.g. IC, manager, executive), if set.")
        @Nullable String level,
        @Description("Location attribute, if set.")
        @Nullable String location,
        @Description("The manager (Keycloak user id, the token's sub), if known.")
        @Nullable String managerId,
        @Description("Contracted weekly hours; the default (40 unless configured) when Keycloak has no usable value.")
        @Minimum(1) @Maximum(80) int weeklyHours,
        @Description("True when weeklyHours is the default because the Keycloak attribute was missing or not a number.")
        boolean weeklyHoursDefaulted,
        @Description("Whether the person is active (an enabled Keycloak user).")
        boolean active,
        @Description("The first day (ISO date, organisation time zone) from which this profile applies: the day the "
                + "person started (the directory's startDate attribute, else the day the Keycloak user was created), "
                + "today for a just-in-time registration from a token.")
        LocalDate effectiveFrom,
        @Description("When the directory first saw the person (RFC 3339, UTC).")
        Instant registeredAt) implements GuildhallEvent {

    @Override
    public String aggregateId() {
        return personId;
    }
}
