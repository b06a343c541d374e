package io.guildhall.analytics.participation;

import java.time.LocalDate;

/**
 * Contracted work time: weekly hours x 60 x working days / 5, taken day by day so that each working day uses the
 * profile in force on it (a change of hours mid-period splits the period). Weekends, holidays and days on which the
 * person is inactive are no work time.
 */
public final class WorkTime {

    private static final int WORKING_DAYS_PER_WEEK = 5;
    private static final int MINUTES_PER_HOUR = 60;

    private WorkTime() {
    }

    /** Work minutes of one day under one profile: whole minutes, since weekly hours are whole hours (h x 12). */
    public static long minutesOfDay(ProfileVersion profile) {
        return profile.active() ? (long) profile.weeklyHours() * MINUTES_PER_HOUR / WORKING_DAYS_PER_WEEK : 0;
    }

    public static long minutesOn(LocalDate day, ProfileHistory history, ParticipationRules rules) {
        if (!rules.isWorkingDay(day)) {
            return 0;
        }
        return history.inForce(day).map(WorkTime::minutesOfDay).orElse(0L);
    }

    public static long minutes(ProfileHistory history, Period period, ParticipationRules rules) {
        long minutes = 0;
        for (LocalDate day : period.days()) {
            minutes += minutesOn(day, history, rules);
        }
        return minutes;
    }
}
