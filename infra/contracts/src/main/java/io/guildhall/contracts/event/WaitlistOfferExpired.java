package io.guildhall.contracts.event;

import io.guildhall.contracts.Description;
import io.guildhall.contracts.GuildhallEvent;

import java.time.Instant;
import java.util.UUID;

@Description("An offered seat was not accepted in time: the person leaves the waitlist (published as RsvpCancelled too) and the seat is offered to the next.")
public record WaitlistOfferExpired(
        @Description("The event; also the Kafka record key and ce_subject.")
        UUID eventId,
        @Description("The person whose offer lapsed (Keycloak user id, the token's sub).")
        String personId,
        @Description("When it lapsed (RFC 3339, UTC).")
        Instant expiredAt) implements GuildhallEvent {

    @Override
    public String aggregateId() {
        return eventId.toString();
    }
}
