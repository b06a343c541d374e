package io.guildhall.analytics.participation;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How participation is measured (docs/participation.md, rules 4 to 6): the organisation's time zone and the zone of
 * each directory location, the target share of work time, the categories that count (empty: all of them), the
 * public holidays (not working days for anyone), the working window of a day (minutes outside it never count) and
 * whether minutes on days that are not working days count.
 */
public record ParticipationRules(ZoneId zone, double targetShare, Set<String> countedCategories,
                                 Set<LocalDate> holidays, Map<String, ZoneId> locationZones, LocalTime workdayStart,
                                 LocalTime workdayEnd, boolean countNonWorkingDays) {

    /**
     * Over-participation starts at twice the target: the design asks for community time "sustainably up to the target,
     * not far beyond", and someone spending a third of their week on it (2 x 17 %) is doing it at their day job's
     * expense. A constant rather than a setting because it is relative to the target, which is the setting.
     */
    public static final double OVER_PARTICIPATION_FACTOR = 2.0;
    public static final LocalTime DEFAULT_WORKDAY_START = LocalTime.of(7, 0);
    public static final LocalTime DEFAULT_WORKDAY_END = LocalTime.of(20, 0);

    public ParticipationRules {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(workdayStart, "workdayStart");
        Objects.requireNonNull(workdayEnd, "workdayEnd");
        if (!(targetShare > 0 && targetShare <= 1)) {
            throw new IllegalArgumentException("targetShare must be in (0, 1] but was " + targetShare);
        }
        if (!workdayStart.isBefore(workdayEnd)) {
            throw new IllegalArgumentException("the working window must start before it ends: " + workdayStart
                    + "-" + workdayEnd);
        }
        countedCategories = Set.copyOf(countedCategories);
        holidays = Set.copyOf(holidays);
        locationZones = Map.copyOf(locationZones);
    }

    /** The defaults of the platform for everything but the zone, the target, the categories and the holidays. */
    public ParticipationRules(ZoneId zone, double targetShare, Set<String> countedCategories, Set<LocalDate> holidays) {
        this(zone, targetShare, countedCategories, holidays, Map.of(), DEFAULT_WORKDAY_START, DEFAULT_WORKDAY_END,
                false);
    }

    public boolean counts(String category) {
        return countedCategories.isEmpty() || countedCategories.contains(category);
    }

    public boolean isWorkingDay(LocalDate day) {
        DayOfWeek weekday = day.getDayOfWeek();
        return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY && !holidays.contains(day);
    }

    /** A person's time zone: their directory location's, else the organisation's. */
    public ZoneId zoneOf(Optional<ProfileVersion> profile) {
        return profile.map(ProfileVersion::location).map(locationZones::get).orElse(zone);
    }

    public double overParticipationShare() {
        return targetShare * OVER_PARTICIPATION_FACTOR;
    }
}
