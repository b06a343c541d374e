package io.guildhall.contracts.event;

import io.guildhall.contracts.Description;
import io.guildhall.contracts.EnumValues;
import io.guildhall.contracts.GuildhallEvent;
import io.guildhall.contracts.Minimum;
import io.guildhall.contracts.Nullable;

import java.time.Instant;
import java.util.UUID;

@Description("A person's attendance at an event was recorded (check-in by the organiser or self check-in); minutes "
        + "count as participation time.")
public record AttendanceRecorded(
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
        @Description("Attended minutes, at least 1 and at most the event's length.")
        @Minimum(1) int minutes,
        @Description("Who recorded it.")
        @EnumValues(CheckInMethod.class) String method,
        @Description("Who recorded it (Keycloak user id, the token's sub).")
        String recordedBy,
        @Description("When the check-in happened (RFC 3339, UTC).")
        Instant recordedAt,
        @Description("True when the event was scheduled after it had started: the attendance was recorded after the "
                + "fact. Absent or null in events published before this field existed.")
        @Nullable Boolean recordedAfterTheFact) implements GuildhallEvent {

    @Override
    public String aggregateId() {
        return eventId.toString();
    }
}
