package io.guildhall.analytics.rebuild;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

@Serdeable
@Schema(description = "The latest rebuild of the read model and how far it got. While it is BUILDING or SWITCHING the"
        + " reports read the previous read model, whole; DONE means they read the rebuilt one; FAILED and CANCELLED"
        + " left the previous one in place.")
public record RebuildProgress(
        UUID id,
        @Schema(allowableValues = {"BUILDING", "SWITCHING", "DONE", "FAILED", "CANCELLED"}) String state,
        @Schema(description = "The instance running it") String instance,
        Instant startedAt,
        Instant updatedAt,
        @Nullable Instant finishedAt,
        @Schema(description = "Records read from the topics so far") long eventsApplied,
        @Schema(description = "Records on the topics when last measured") long eventsTotal,
        @Schema(description = "Records still to read to reach the topics' ends") long lag,
        double eventsPerSecond,
        @Nullable @Schema(description = "At the current rate; null until a rate is known") Long estimatedSecondsLeft,
        boolean cancelRequested,
        @Nullable String error) {
}
