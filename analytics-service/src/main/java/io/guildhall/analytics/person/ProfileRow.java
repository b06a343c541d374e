package io.guildhall.analytics.person;

import io.guildhall.analytics.messaging.AsOf;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/** One row of the effective-dated person dimension, and how an event changes it. */
public record ProfileRow(String personId, LocalDate effectiveFrom, String department, String level, String location,
                         int weeklyHours, boolean active, Instant asOf) {

    /** The directory's default when nothing is known of a person's hours (design: 40 h). */
    public static final int DEFAULT_WEEKLY_HOURS = 40;

    /**
     * A whole profile (PersonRegistered, PersonProfileChanged) for its effective date.
     *
     * @return the row to store, or empty when the stored one is newer
     */
    public static Optional<ProfileRow> afterProfile(Optional<ProfileRow> current, ProfileRow incoming) {
        if (current.isPresent() && AsOf.isStale(current.get().asOf(), incoming.asOf())) {
            return Optional.empty();
        }
        return Optional.of(incoming);
    }

    /**
     * PersonDeactivated from {@code effectiveFrom}: the row of that day turns inactive; without one, a new row copies
     * the profile in force the day before (or the defaults when none is known yet).
     */
    public static Optional<ProfileRow> afterDeactivation(Optional<ProfileRow> current, Optional<ProfileRow> inForceBefore,
                                                         String personId, LocalDate effectiveFrom, Instant asOf) {
        if (current.isPresent()) {
            ProfileRow row = current.get();
            if (AsOf.isStale(row.asOf(), asOf)) {
                return Optional.empty();
            }
            return Optional.of(new ProfileRow(personId, effectiveFrom, row.department(), row.level(), row.location(),
                    row.weeklyHours(), false, asOf));
        }
        return Optional.of(inForceBefore
                .map(before -> new ProfileRow(personId, effectiveFrom, before.department(), before.level(),
                        before.location(), before.weeklyHours(), false, asOf))
                .orElseGet(() -> new ProfileRow(personId, effectiveFrom, null, null, null, DEFAULT_WEEKLY_HOURS,
                        false, asOf)));
    }
}
