package io.guildhall.contracts.event;

import io.guildhall.contracts.Description;
import io.guildhall.contracts.EnumValues;
import io.guildhall.contracts.GuildhallEvent;
import io.guildhall.contracts.Minimum;
import io.guildhall.contracts.Nullable;

import java.time.Instant;
import java.util.UUID;

@Description("An organiser edited an event's details; carries its state after the edit, not a diff. Time changes are "
        + "published as rescheduled events.")
public record EventUpdated(
        @Description("The event; also the Kafka record key and ce_subject.")
        UUID eventId,
        @Description("The event's title.")
        String title,
        @Description("Longer description, if given.")
        @Nullable String description,
        @Description("The event's type.")
        @EnumValues(EventCategory.class) String category,
        @Description("In person, online or hybrid.")
        @EnumValues(EventFormat.class) String format,
        @Description("Where it takes place.")
        @Nullable String location,
        @Description("The link to join.")
        @Nullable String onlineUrl,
        @Description("Seats; null when unlimited.")
        @Minimum(1) @Nullable Integer capacity,
        @Description("RSVP deadline; null when RSVPs are open until the start.")
        @Nullable Instant rsvpDeadline,
        @Description("The community the event belongs to, if any.")
        @Nullable UUID communityId,
        @Description("The event's revision, raised on every change (the iCalendar SEQUENCE).")
        @Minimum(0) int sequence,
        @Description("Who edited it (Keycloak user id, the token's sub).")
        String updatedBy,
        @Description("When (RFC 3339, UTC).")
        Instant updatedAt) implements GuildhallEvent {

    @Override
    public String aggregateId() {
        return eventId.toString();
    }
}
