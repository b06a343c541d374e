package io.guildhall.contracts.event;

import io.guildhall.contracts.Description;
import io.guildhall.contracts.GuildhallEvent;
import io.guildhall.contracts.Maximum;
import io.guildhall.contracts.Minimum;
import io.guildhall.contracts.Nullable;

import java.time.Instant;
import java.util.UUID;

@Description("An attendee changed their rating of an event (within 14 days of its end). Anonymous, like FeedbackGiven.")
public record FeedbackChanged(
        @Description("The event; also the Kafka record key and ce_subject.")
        UUID eventId,
        @Description("The feedback, as FeedbackGiven named it.")
        UUID feedbackId,
        @Description("The community the event belongs to; null for an event of no community.")
        @Nullable UUID communityId,
        @Description("The rating it replaces, 1 to 5.")
        @Minimum(1) @Maximum(5) int previousRating,
        @Description("The new rating, 1 to 5.")
        @Minimum(1) @Maximum(5) int rating,
        @Description("When (RFC 3339, UTC).")
        Instant changedAt) implements GuildhallEvent {

    @Override
    public String aggregateId() {
        return eventId.toString();
    }
}
