package io.guildhall.contracts.participation;

import io.guildhall.contracts.GuildhallEvent;

import java.time.Instant;
import java.time.LocalDate;

/**
 * {@code guildhall.participation.summarised.v1}: one department's participation in one ISO week, against the target
 * share. Privacy-safe: published only for departments of at least the privacy threshold of people, and with no
 * figure about any individual. Its {@code ce_id} is derived from department and week, so a republished week is a
 * duplicate consumers skip.
 */
public record ParticipationSummarised(
        String department,
        String isoWeek,
        LocalDate weekStart,
        LocalDate weekEnd,
        String timeZone,
        int peopleCounted,
        long workMinutes,
        long participationMinutes,
        double share,
        double medianShare,
        double shareOfPeopleAtOrAboveTarget,
        double targetShare,
        int privacyThreshold,
        Instant summarisedAt) implements GuildhallEvent {

    @Override
    public String aggregateId() {
        return department;
    }
}
