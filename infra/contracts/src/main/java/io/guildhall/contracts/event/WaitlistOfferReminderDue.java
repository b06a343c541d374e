package io.guildhall.contracts.event;

import io.guildhall.contracts.Description;
import io.guildhall.contracts.GuildhallEvent;

import java.time.Instant;
import java.util.UUID;

@Description("An offered seat is still unclaimed as its window nears its end (half of it, at most 2 hours, left): a notifier reminds the person. Published once per offer.")
public record WaitlistOfferReminderDue(
        @Description("The event; also the Kafka record key and ce_subject.")
        UUID eventId,
        @Description("The person offered the seat (Keycloak user id, the token's sub).")
        String personId,
        @Description("Until when the offer may be accepted (RFC 3339, UTC).")
        Instant expiresAt,
        @Description("When the reminder fell due (RFC 3339, UTC).")
        Instant dueAt) implements GuildhallEvent {

    @Override
    public String aggregateId() {
        return eventId.toString();
    }
}
