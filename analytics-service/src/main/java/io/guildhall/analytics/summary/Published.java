package io.guildhall.analytics.summary;

import io.micronaut.serde.annotation.Serdeable;

/** One summary sent: which department and week, under which ce_id, over how many people. */
@Serdeable
public record Published(String department, String isoWeek, String eventId, int peopleCounted) {
}
