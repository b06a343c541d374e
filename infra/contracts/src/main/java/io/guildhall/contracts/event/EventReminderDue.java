package io.guildhall.contracts.event;

import io.guildhall.contracts.Description;
import io.guildhall.contracts.GuildhallEvent;
import io.guildhall.contracts.Nullable;

import java.time.Instant;
import java.util.UUID;

@Description("An event starts in 24 hours and this person is going; for notification systems.")
public record EventReminderDue(
        @Description("The event; also the Kafka record key and ce_subject.")
        UUID eventId,
        @Description("The person going (Keycloak user id, the token's sub).")
        String personId,
        @Description("The event's title.")
        String title,
        @Description("When it starts (RFC 3339, UTC).")
        Instant startsAt,
        @Description("When it ends (RFC 3339, UTC).")
        Instant endsAt,
        @Description("The IANA time zone the event is held in.")
        String timeZone,
        @Description("Where, if in person.")
        @Nullable String location,
        @Description("The link to join, if online.")
        @Nullable String onlineUrl,
        @Description("When the reminder became due (RFC 3339, UTC).")
        Instant dueAt) implements GuildhallEvent {

    @Override
    public String aggregateId() {
        return eventId.toString();
    }
}
