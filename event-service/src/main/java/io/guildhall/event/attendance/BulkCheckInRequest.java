package io.guildhall.event.attendance;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/** Body of {@code POST /api/events/{id}/check-ins/bulk}: all recorded, or none. */
public record BulkCheckInRequest(@NotEmpty @Size(max = 1000) List<@Valid @NotNull Entry> attendees) {

    public record Entry(@NotNull @Size(min = 1, max = 100) String personId, Integer minutes) {
    }
}
