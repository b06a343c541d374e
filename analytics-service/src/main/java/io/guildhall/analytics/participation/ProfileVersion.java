package io.guildhall.analytics.participation;

import java.time.LocalDate;

/** One effective-dated row of a person's directory profile: what applied from {@code effectiveFrom} on. */
public record ProfileVersion(LocalDate effectiveFrom, String department, String level, String location,
                             int weeklyHours, boolean active) {
}
