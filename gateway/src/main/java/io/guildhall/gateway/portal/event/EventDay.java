package io.guildhall.gateway.portal.event;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One day of the events list, in the viewer's zone: "Today", "Tomorrow", or "Wednesday 9 December". */
public record EventDay(LocalDate date, String heading, List<EventDetail> events) {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_OF_ANOTHER_YEAR = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);

    /** The events (in order of their start) by the day they start on where the viewer is. */
    public static List<EventDay> of(List<EventDetail> events, ZoneId zone, LocalDate today) {
        Map<LocalDate, List<EventDetail>> byDay = new LinkedHashMap<>();
        for (EventDetail event : events) {
            // An event under way since yesterday belongs to today's list.
            LocalDate day = event.startsAt().atZone(zone).toLocalDate();
            byDay.computeIfAbsent(day.isBefore(today) ? today : day, d -> new ArrayList<>()).add(event);
        }
        List<EventDay> days = new ArrayList<>();
        byDay.forEach((day, list) -> days.add(new EventDay(day, heading(day, today), List.copyOf(list))));
        return days;
    }

    static String heading(LocalDate day, LocalDate today) {
        if (day.equals(today)) {
            return "Today";
        }
        if (day.equals(today.plusDays(1))) {
            return "Tomorrow";
        }
        return day.format(day.getYear() == today.getYear() ? DAY : DAY_OF_ANOTHER_YEAR);
    }
}
