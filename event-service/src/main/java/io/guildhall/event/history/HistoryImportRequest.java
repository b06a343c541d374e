package io.guildhall.event.history;

import io.guildhall.contracts.event.EventCategory;
import io.guildhall.contracts.event.EventFormat;
import io.guildhall.event.event.EventDetails;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Body of {@code POST /api/events/history}: an event that took place before the organisation used Guildhall (or
 * while it was away), with who went, who said they would and did not come, and who was left waiting. The rules
 * across fields live in {@link HistoryRules}.
 */
public record HistoryImportRequest(
        @NotBlank @Size(max = 200) String title,
        @Size(max = 5000) String description,
        @NotNull EventCategory type,
        @NotNull EventFormat format,
        @NotNull @Schema(description = "ISO-8601 instant, at most 400 days ago") Instant startsAt,
        @NotNull @Schema(description = "ISO-8601 instant, after startsAt and before now") Instant endsAt,
        @Size(max = 64) @Schema(description = "IANA time zone the event was held in; default UTC", example = "Europe/London") String timeZone,
        @Positive Integer capacity,
        @Size(max = 500) String location,
        @Size(max = 2000) String onlineUrl,
        UUID communityId,
        @NotBlank @Size(max = 100) @Schema(description = "Who organised it (Keycloak user id)") String organiserId,
        @Valid @Size(max = 1000) @Schema(description = "Who attended, with their minutes (default the whole event)")
        List<Attendee> attended,
        @Size(max = 1000) @Schema(description = "Who said they would go and did not come")
        List<@NotBlank @Size(max = 100) String> noShows,
        @Size(max = 1000) @Schema(description = "Who was left on the waitlist of a full event, in the order they asked")
        List<@NotBlank @Size(max = 100) String> waitlisted) {

    public record Attendee(@NotBlank @Size(max = 100) String personId,
                           @Schema(description = "1..the event's length; default the whole event") Integer minutes) {
    }

    public HistoryImportRequest {
        attended = attended == null ? List.of() : attended;
        noShows = noShows == null ? List.of() : noShows;
        waitlisted = waitlisted == null ? List.of() : waitlisted;
    }

    EventDetails details() {
        return new EventDetails(title, description, type, format, startsAt, endsAt, timeZone, capacity, null,
                location, onlineUrl, communityId);
    }
}
