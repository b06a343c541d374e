package io.guildhall.contracts.event;

import io.guildhall.contracts.Description;
import io.guildhall.contracts.GuildhallEvent;
import io.guildhall.contracts.Nullable;

import java.time.Instant;
import java.util.UUID;

@Description("A person is no longer a co-organiser of an event.")
public record CoOrganiserRemoved(
        @Description("The event; also the Kafka record key and ce_subject.")
        UUID eventId,
        @Description("The former co-organiser (Keycloak user id, the token's sub).")
        String personId,
        @Description("The community the event belongs to; null for an event of no community.")
        @Nullable UUID communityId,
        @Description("Who removed them: the organiser or an admin.")
        String removedBy,
        @Description("When (RFC 3339, UTC).")
        Instant removedAt) implements GuildhallEvent {

    @Override
    public String aggregateId() {
        return eventId.toString();
    }
}
