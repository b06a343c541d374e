package io.guildhall.contracts.event;

import io.guildhall.contracts.Description;
import io.guildhall.contracts.GuildhallEvent;
import io.guildhall.contracts.Minimum;
import io.guildhall.contracts.Nullable;

import java.time.Instant;
import java.util.UUID;

@Description("An organiser moved an event to another time; attendees should be told.")
public record EventRescheduled(
        @Description("The event; also the Kafka record key and ce_subject.")
        UUID eventId,
        @Description("The start before the change.")
        Instant previousStartsAt,
        @Description("The end before the change.")
        Instant previousEndsAt,
        @Description("The new start (RFC 3339, UTC).")
        Instant startsAt,
        @Description("The new end (RFC 3339, UTC).")
        Instant endsAt,
        @Description("The IANA time zone the event is held in.")
        String timeZone,
        @Description("The community the event belongs to, if any.")
        @Nullable UUID communityId,
        @Description("The event's revision after the change (the iCalendar SEQUENCE).")
        @Minimum(0) int sequence,
        @Description("Who moved it (Keycloak user id, the token's sub).")
        String rescheduledBy,
        @Description("When (RFC 3339, UTC).")
        Instant rescheduledAt) implements GuildhallEvent {

    @Override
    public String aggregateId() {
        return eventId.toString();
    }
}
