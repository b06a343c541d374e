package io.guildhall.contracts.person;

import io.guildhall.contracts.GuildhallEvent;

import java.time.Instant;

/** {@code guildhall.person.erased.v1}: an administrator erased a person: every service anonymises what it holds about them. */
public record PersonErased(
        String personId,
        String erasedBy,
        Instant erasedAt) implements GuildhallEvent {

    @Override
    public String aggregateId() {
        return personId;
    }
}
