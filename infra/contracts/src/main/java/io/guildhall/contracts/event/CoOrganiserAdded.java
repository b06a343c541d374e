package io.guildhall.contracts.event;

import io.guildhall.contracts.Description;
import io.guildhall.contracts.GuildhallEvent;
import io.guildhall.contracts.Nullable;

import java.time.Instant;
import java.util.UUID;

@Description("The organiser (or an admin) made a person a co-organiser of an event: they check people in and see the attendees, but cannot edit or cancel it.")
public record CoOrganiserAdded(
        @Description("The event; also the Kafka record key and ce_subject.")
        UUID eventId,
        @Description("The co-organiser (Keycloak user id, the token's sub).")
        String personId,
        @Description("The community the event belongs to; null for an event of no community.")
        @Nullable UUID communityId,
        @Description("Who added them: the organiser or an admin.")
        String addedBy,
        @Description("When (RFC 3339, UTC).")
        Instant addedAt) implements GuildhallEvent {

    @Override
    public String aggregateId() {
        return eventId.toString();
    }
}
