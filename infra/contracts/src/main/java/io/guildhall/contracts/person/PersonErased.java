package io.guildhall.contracts.person;

import io.guildhall.contracts.Description;
import io.guildhall.contracts.GuildhallEvent;

import java.time.Instant;

@Description("An administrator erased a person: every service anonymises what it holds about them.")
public record PersonErased(
        @Description("The erased person (Keycloak user id, the token's sub); also the Kafka record key and ce_subject. "
                + "Consumers replace their personal data (names, notes) and keep only anonymous aggregates.")
        String personId,
        @Description("The administrator (Keycloak user id, the token's sub).")
        String erasedBy,
        @Description("When (RFC 3339, UTC).")
        Instant erasedAt) implements GuildhallEvent {

    @Override
    public String aggregateId() {
        return personId;
    }
}
