package io.guildhall.contracts.event;

import io.guildhall.contracts.Description;
import io.guildhall.contracts.GuildhallEvent;
import io.guildhall.contracts.Minimum;
import io.guildhall.contracts.Nullable;

import java.time.Instant;
import java.util.UUID;

@Description("An organiser cancelled an event; RSVPs lapse and attendees should be told.")
public record EventCancelled(
        @Description("The event; also the Kafka record key and ce_subject.")
        UUID eventId,
        @Description("Why, if the organiser said.")
        @Nullable String reason,
        @Description("The community the event belonged to, if any.")
        @Nullable UUID communityId,
        @Description("When it would have started.")
        Instant startsAt,
        @Description("The event's revision after the change (the iCalendar SEQUENCE).")
        @Minimum(0) int sequence,
        @Description("Who cancelled it (Keycloak user id, the token's sub).")
        String cancelledBy,
        @Description("When (RFC 3339, UTC).")
        Instant cancelledAt) implements GuildhallEvent {

    @Override
    public String aggregateId() {
        return eventId.toString();
    }
}
