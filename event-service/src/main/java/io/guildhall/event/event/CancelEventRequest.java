package io.guildhall.event.event;

import jakarta.validation.constraints.Size;

/** Optional body of {@code POST /api/events/{id}/cancel}. */
public record CancelEventRequest(@Size(max = 1000) String reason) {
}
