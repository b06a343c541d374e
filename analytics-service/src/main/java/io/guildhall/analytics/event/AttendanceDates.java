package io.guildhall.analytics.event;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** Which day attended minutes belong to: the day the event starts, in the organisation's time zone. */
public final class AttendanceDates {

    private AttendanceDates() {
    }

    public static LocalDate onDate(Instant startsAt, ZoneId organisationZone) {
        return startsAt.atZone(organisationZone).toLocalDate();
    }
}
