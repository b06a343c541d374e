package io.guildhall.event.event;

import io.guildhall.contracts.event.EventCategory;
import io.guildhall.contracts.event.EventFormat;

import java.time.Instant;
import java.util.UUID;

/** Filters of {@code GET /api/events}; null means "any". {@code mine}: organised by me or answered GOING/WAITLISTED. */
public record EventFilter(Instant from, Instant to, EventCategory type, EventFormat format, UUID communityId,
                          UUID seriesId, boolean mine, String caller, boolean admin) {
}
