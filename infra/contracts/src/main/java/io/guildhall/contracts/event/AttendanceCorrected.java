package io.guildhall.contracts.event;

import io.guildhall.contracts.Description;
import io.guildhall.contracts.EnumValues;
import io.guildhall.contracts.GuildhallEvent;
import io.guildhall.contracts.Minimum;
import io.guildhall.contracts.Nullable;

import java.time.Instant;
import java.util.UUID;

@Description("The organiser corrected a recorded attendance; replaces the minutes of the earlier record, 0 withdraws it.")
public record AttendanceCorrected(
        @Description("The event; also the Kafka record key and ce_subject.")
        UUID eventId,
        @Description("The attendee (Keycloak user id, the token's sub).")
        String personId,
        @Description("The community the event belongs to; null for an event of no community.")
        @Nullable UUID communityId,
        @Description("The event's type, the category its participation minutes count under.")
        @EnumValues(EventCategory.class) String category,
        @Description("When the event starts (RFC 3339, UTC).")
        Instant startsAt,
        @Description("When the event ends (RFC 3339, UTC).")
        Instant endsAt,
        @Description("The IANA time zone the event is held in, e.g. Europe/London; for local dates and calendars.")
        String timeZone,
        @Description("The minutes recorded before.")
        @Minimum(1) int previousMinutes,
        @Description("The corrected minutes; 0 means the person did not attend after all.")
        @Minimum(0) int minutes,
        @Description("Who corrected it (Keycloak user id, the token's sub).")
        String correctedBy,
        @Description("When (RFC 3339, UTC).")
        Instant correctedAt) implements GuildhallEvent {

    @Override
    public String aggregateId() {
        return eventId.toString();
    }
}
