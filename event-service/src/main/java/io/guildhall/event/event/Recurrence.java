package io.guildhall.event.event;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * A series of occurrences. Times repeat in the event's own time zone, so a weekly 18:00 meetup stays at 18:00 local
 * time across daylight-saving changes.
 */
@Schema(description = "Repeat the event: WEEKLY every `interval` weeks, or MONTHLY_BY_WEEKDAY (e.g. every 2nd Tuesday) every `interval` months")
public record Recurrence(
        @NotNull Frequency frequency,
        @Min(1) @Max(12) @Schema(description = "every N weeks or months; default 1") Integer interval,
        @NotNull @Min(2) @Max(52) @Schema(description = "number of occurrences, the first included") Integer count) {

    public enum Frequency {
        WEEKLY,
        MONTHLY_BY_WEEKDAY
    }

    /** The start of every occurrence, the first being {@code firstStart}. */
    public List<Instant> starts(Instant firstStart, ZoneId zone) {
        ZonedDateTime first = firstStart.atZone(zone);
        int every = interval == null ? 1 : interval;
        List<Instant> starts = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            starts.add((frequency == Frequency.WEEKLY ? first.plusWeeks((long) k * every) : sameWeekdayOfMonth(first, k * every))
                    .toInstant());
        }
        return starts;
    }

    /** The same weekday in the same week of the month; a fifth weekday becomes the month's last one. */
    static ZonedDateTime sameWeekdayOfMonth(ZonedDateTime first, int monthsLater) {
        DayOfWeek day = first.getDayOfWeek();
        int ordinal = (first.getDayOfMonth() - 1) / 7 + 1;
        ZonedDateTime month = first.withDayOfMonth(1).plusMonths(monthsLater);
        return ordinal >= 5 ? month.with(TemporalAdjusters.lastInMonth(day))
                : month.with(TemporalAdjusters.dayOfWeekInMonth(ordinal, day));
    }
}
