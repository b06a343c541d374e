package io.guildhall.analytics.participation;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** A person's profile versions, oldest first; answers which one was in force on a day. */
public record ProfileHistory(List<ProfileVersion> versions) {

    public ProfileHistory {
        versions = versions.stream().sorted(Comparator.comparing(ProfileVersion::effectiveFrom)).toList();
    }

    public static ProfileHistory of(ProfileVersion... versions) {
        return new ProfileHistory(List.of(versions));
    }

    /**
     * The version in force on {@code day}: the latest that started on or before it. Empty before the first version:
     * a person is counted from the first day the directory says they were there, so a report on a past period is
     * not rewritten by people who joined later.
     */
    public Optional<ProfileVersion> inForce(LocalDate day) {
        ProfileVersion inForce = null;
        for (ProfileVersion version : versions) {
            if (version.effectiveFrom().isAfter(day)) {
                break;
            }
            inForce = version;
        }
        return Optional.ofNullable(inForce);
    }
}
