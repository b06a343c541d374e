package io.guildhall.contracts.event;

import io.guildhall.contracts.Description;
import io.guildhall.contracts.GuildhallEvent;
import io.guildhall.contracts.Nullable;

import java.time.Instant;
import java.util.UUID;

@Description("A freed seat is offered to the first person waiting, who accepts it (PUT rsvp GOING) by expiresAt or it passes to the next; the seat is held meanwhile. Only for events with a claim window (waitlistOfferHours above 0).")
public record WaitlistOfferMade(
        @Description("The event; also the Kafka record key and ce_subject.")
        UUID eventId,
        @Description("The person offered the seat (Keycloak user id, the token's sub).")
        String personId,
        @Description("The community the event belongs to; null for an event of no community.")
        @Nullable UUID communityId,
        @Description("When the offer was made (RFC 3339, UTC).")
        Instant offeredAt,
        @Description("Until when it may be accepted (RFC 3339, UTC).")
        Instant expiresAt) implements GuildhallEvent {

    @Override
    public String aggregateId() {
        return eventId.toString();
    }
}
