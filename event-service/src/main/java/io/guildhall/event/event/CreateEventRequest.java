package io.guildhall.event.event;

import io.guildhall.contracts.event.EventCategory;
import io.guildhall.contracts.event.EventFormat;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.UUID;

/** Body of {@code POST /api/events}. Rules across fields (end after start, a link for online events) live in {@link EventRules}. */
public record CreateEventRequest(
        @NotBlank @Size(max = 200) String title,
        @Size(max = 5000) String description,
        @NotNull EventCategory type,
        @NotNull EventFormat format,
        @NotNull @Schema(description = "ISO-8601 instant, e.g. 2026-03-10T17:00:00Z") Instant startsAt,
        @NotNull @Schema(description = "ISO-8601 instant, after startsAt, at most 14 days later") Instant endsAt,
        @Size(max = 64) @Schema(description = "IANA time zone the event is held in; default UTC", example = "Europe/London") String timeZone,
        @Positive Integer capacity,
        @Schema(description = "No RSVP after this instant; at most startsAt") Instant rsvpDeadline,
        @Size(max = 500) String location,
        @Size(max = 2000) String onlineUrl,
        @Schema(description = "Only the community's leads (or an admin) may organise its events") UUID communityId,
        @Valid @Schema(description = "Optional: schedule a series; each occurrence can then be changed or cancelled alone")
        Recurrence recurrence,
        @Schema(description = "Hours the first person waiting has to accept a freed seat before it passes to the next"
                + " (0, the default: the seat is given at once)") @Min(0) @Max(168) Integer waitlistOfferHours) {

    /** The event's details for the domain (the recurrence is the service's: it makes the occurrences). */
    public EventDetails details() {
        return new EventDetails(title, description, type, format, startsAt, endsAt, timeZone, capacity, rsvpDeadline,
                location, onlineUrl, communityId);
    }
}
