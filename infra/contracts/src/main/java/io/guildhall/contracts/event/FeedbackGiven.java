package io.guildhall.contracts.event;

import io.guildhall.contracts.Description;
import io.guildhall.contracts.EnumValues;
import io.guildhall.contracts.GuildhallEvent;
import io.guildhall.contracts.Maximum;
import io.guildhall.contracts.Minimum;
import io.guildhall.contracts.Nullable;

import java.time.Instant;
import java.util.UUID;

@Description("An attendee rated an event they were checked in at. Anonymous: it names the feedback, never the person; the comment stays in event-service.")
public record FeedbackGiven(
        @Description("The event; also the Kafka record key and ce_subject.")
        UUID eventId,
        @Description("The feedback (stable across changes to it); not the person.")
        UUID feedbackId,
        @Description("The community the event belongs to; null for an event of no community.")
        @Nullable UUID communityId,
        @Description("The event's type.")
        @EnumValues(EventCategory.class) String category,
        @Description("The rating, 1 (poor) to 5 (excellent).")
        @Minimum(1) @Maximum(5) int rating,
        @Description("When (RFC 3339, UTC).")
        Instant givenAt) implements GuildhallEvent {

    @Override
    public String aggregateId() {
        return eventId.toString();
    }
}
