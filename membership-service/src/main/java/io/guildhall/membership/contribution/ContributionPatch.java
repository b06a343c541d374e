package io.guildhall.membership.contribution;

import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.UUID;

/** A correction: the fields given replace the entry's; absent fields stay. */
public record ContributionPatch(UUID communityId, String kind, LocalDate date, Integer minutes,
                                @Size(max = 1000) String note) {
}
