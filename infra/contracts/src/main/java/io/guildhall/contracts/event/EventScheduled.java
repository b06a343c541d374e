package io.guildhall.contracts.event;

import io.guildhall.contracts.Description;
import io.guildhall.contracts.EnumValues;
import io.guildhall.contracts.GuildhallEvent;
import io.guildhall.contracts.Minimum;
import io.guildhall.contracts.Nullable;

import java.time.Instant;
import java.util.UUID;

@Description("An organiser scheduled an event (or one occurrence of a recurring series).")
public record EventScheduled(
        @Description("The event; also the Kafka record key and ce_subject.")
        UUID eventId,
        @Description("The recurring series this occurrence belongs to; null for a one-off event.")
        @Nullable UUID seriesId,
        @Description("The event's title.")
        String title,
        @Description("Longer description, if given.")
        @Nullable String description,
        @Description("The event's type.")
        @EnumValues(EventCategory.class) String category,
        @Description("In person, online or hybrid.")
        @EnumValues(EventFormat.class) String format,
        @Description("When it starts (RFC 3339, UTC).")
        Instant startsAt,
        @Description("When it ends (RFC 3339, UTC).")
        Instant endsAt,
        @Description("The IANA time zone the event is held in, e.g. Europe/London.")
        String timeZone,
        @Description("Where it takes place (in person and hybrid events).")
        @Nullable String location,
        @Description("The link to join (online and hybrid events).")
        @Nullable String onlineUrl,
        @Description("Seats; null when unlimited.")
        @Minimum(1) @Nullable Integer capacity,
        @Description("No RSVP is accepted after this instant; null when RSVPs are open until the start.")
        @Nullable Instant rsvpDeadline,
        @Description("The organiser (Keycloak user id, the token's sub).")
        String organiserId,
        @Description("The community the event belongs to; null for an event of no community.")
        @Nullable UUID communityId,
        @Description("When it was scheduled (RFC 3339, UTC).")
        Instant scheduledAt,
        @Description("True when the event was scheduled after it had started (by a lead, an admin or the events team, "
                + "at most 7 days back); absent or null in events published before this field existed.")
        @Nullable Boolean recordedAfterTheFact) implements GuildhallEvent {

    @Override
    public String aggregateId() {
        return eventId.toString();
    }
}
