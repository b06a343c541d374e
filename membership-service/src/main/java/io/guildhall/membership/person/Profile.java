package io.guildhall.membership.person;

import io.guildhall.support.security.CurrentPerson;
import org.keycloak.representations.idm.UserRepresentation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * What the directory holds about a person, as read from Keycloak (or, just in time, from their token).
 * weeklyHours falls back to the organisation's default when the attribute is missing or not a number in 1..80,
 * and {@code weeklyHoursDefaulted} says so, so the default is visible rather than silent.
 */
public record Profile(
        String username,
        String displayName,
        String email,
        String department,
        String level,
        String location,
        String managerId,
        int weeklyHours,
        boolean weeklyHoursDefaulted,
        boolean active) {

    public static Profile fromKeycloak(UserRepresentation user, int defaultWeeklyHours) {
        Map<String, List<String>> attributes = user.getAttributes() == null ? Map.of() : user.getAttributes();
        Integer hours = weeklyHours(first(attributes, "weeklyHours"));
        return new Profile(user.getUsername(), displayName(user.getFirstName(), user.getLastName(), user.getUsername()),
                blankToNull(user.getEmail()), first(attributes, "department"), first(attributes, "level"),
                first(attributes, "location"), first(attributes, "manager"),
                hours == null ? defaultWeeklyHours : hours, hours == null, !Boolean.FALSE.equals(user.isEnabled()));
    }

    public static Profile fromToken(CurrentPerson person, int defaultWeeklyHours) {
        Integer hours = person.weeklyHours() != null && person.weeklyHours() >= 1 && person.weeklyHours() <= 80
                ? person.weeklyHours() : null;
        String username = person.username() == null ? person.personId() : person.username();
        return new Profile(username, displayName(person.name(), null, username), blankToNull(person.email()),
                blankToNull(person.department()), blankToNull(person.level()), blankToNull(person.location()), null,
                hours == null ? defaultWeeklyHours : hours, hours == null, true);
    }

    /**
     * The day the person joined the organisation: the directory's {@code startDate} attribute (an ISO date HR sets),
     * else the day Keycloak created the user (in the organisation's time zone), else null. Their first profile is
     * effective from it, so work time counts from the day they started, not from the day Guildhall first saw them.
     */
    public static LocalDate startDate(UserRepresentation user, ZoneId zone) {
        Map<String, List<String>> attributes = user.getAttributes() == null ? Map.of() : user.getAttributes();
        String value = first(attributes, "startDate");
        if (value != null) {
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                // not a date: fall back to when the user was created
            }
        }
        return user.getCreatedTimestamp() == null ? null
                : LocalDate.ofInstant(Instant.ofEpochMilli(user.getCreatedTimestamp()), zone);
    }

    /** The contracted weekly hours in an attribute value, or null when it is missing, not a whole number or out of 1..80. */
    static Integer weeklyHours(String value) {
        if (value == null) {
            return null;
        }
        try {
            int hours = Integer.parseInt(value.trim());
            return hours >= 1 && hours <= 80 ? hours : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String displayName(String first, String last, String fallback) {
        String name = ((first == null ? "" : first.trim()) + " " + (last == null ? "" : last.trim())).trim();
        return name.isEmpty() ? fallback : name;
    }

    private static String first(Map<String, List<String>> attributes, String name) {
        List<String> values = attributes.get(name);
        return values == null || values.isEmpty() ? null : blankToNull(values.get(0));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** Whether anything but the active flag differs. */
    boolean differsInDetails(Profile other) {
        return !withActive(true).equals(other.withActive(true));
    }

    /** Whether what the person events carry differs: not the name or email, which events never carry. */
    boolean differsInPublishedDetails(Profile other) {
        return !java.util.Arrays.asList(department, level, location, managerId, weeklyHours, weeklyHoursDefaulted)
                .equals(java.util.Arrays.asList(other.department, other.level, other.location, other.managerId,
                        other.weeklyHours, other.weeklyHoursDefaulted));
    }

    Profile withActive(boolean value) {
        return new Profile(username, displayName, email, department, level, location, managerId, weeklyHours,
                weeklyHoursDefaulted, value);
    }
}
