package io.guildhall.analytics.participation;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Set;

/**
 * How participation is measured: the organisation's time zone, the target share of work time, the categories that
 * count (empty: all of them) and the public holidays (not working days for anyone).
 */
public record ParticipationRules(ZoneId zone, double targetShare, Set<String> countedCategories,
                                 Set<LocalDate> holidays) {

    /**
     * Over-participation starts at twice the target: the design asks for community time "sustainably up to the target,
     * not far beyond", and someone spending a third of their week on it (2 x 17 %) is doing it at their day job's
     * expense. A constant rather than a setting because it is relative to the target, which is the setting.
     */
    public static final double OVER_PARTICIPATION_FACTOR = 2.0;

    public ParticipationRules {
        Objects.requireNonNull(zone, "zone");
        if (!(targetShare > 0 && targetShare <= 1)) {
            throw new IllegalArgumentException("targetShare must be in (0, 1] but was " + targetShare);
        }
        countedCategories = Set.copyOf(countedCategories);
        holidays = Set.copyOf(holidays);
    }

    public boolean counts(String category) {
        return countedCategories.isEmpty() || countedCategories.contains(category);
    }

    public boolean isWorkingDay(LocalDate day) {
        DayOfWeek weekday = day.getDayOfWeek();
        return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY && !holidays.contains(day);
    }

    public double overParticipationShare() {
        return targetShare * OVER_PARTICIPATION_FACTOR;
    }
}
