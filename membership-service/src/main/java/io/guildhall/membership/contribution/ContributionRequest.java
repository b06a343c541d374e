package io.guildhall.membership.contribution;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.UUID;

/** Logging an entry: communityId, kind, date and minutes are required; the note is optional. */
public record ContributionRequest(
        @NotNull UUID communityId,
        @NotNull String kind,
        @NotNull LocalDate date,
        @NotNull Integer minutes,
        @Size(max = 1000) String note) {
}
