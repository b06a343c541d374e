package io.guildhall.event.rsvp;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

/** How many are going, and who, for those inside the event ({@link io.guildhall.event.event.WhoSees}). */
public record Going(
        UUID eventId,
        long count,
        @Schema(nullable = true, description = "The people going (ids, in the order they answered), for the people"
                + " going, the organiser and admins; null for anyone else, who sees the count only")
        List<String> people) {
}
