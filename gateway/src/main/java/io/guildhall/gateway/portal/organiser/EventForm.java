package io.guildhall.gateway.portal.organiser;

import io.guildhall.gateway.portal.api.ApiProblemException;
import io.guildhall.gateway.portal.api.FormErrors;
import io.guildhall.gateway.portal.api.Service;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The event form as the organiser typed it (every value a string, so a refused form shows exactly what was
 * typed) and its translation into the event API's body. Times are typed as local date-times in the event's own
 * time zone, the way people think of them.
 */
public final class EventForm {

    public static final List<String> FIELDS = List.of("title", "description", "type", "format", "startsAt", "endsAt",
            "timeZone", "capacity", "waitlistOfferHours", "rsvpDeadline", "location", "onlineUrl", "communityId", "repeat",
            "interval", "count");
    /** The API's names of nested fields, as the form calls them. */
    /** The fields in the order the form shows them (its summary of mistakes follows it). */
    static final List<String> PAGE_ORDER = List.of("title", "description", "type", "format", "communityId", "startsAt",
            "endsAt", "timeZone", "rsvpDeadline", "repeat", "interval", "count", "location", "onlineUrl", "capacity",
            "waitlistOfferHours");
    static final Map<String, String> API_TO_FORM = Map.of("recurrence.frequency", "repeat", "recurrence.interval", "interval",
            "recurrence.count", "count", "recurrence", "repeat");
    static final Set<String> FORM_FIELDS = Set.copyOf(FIELDS);
    /** The form's labels, for the summary of what to correct at the top of a refused form. */
    static final Map<String, String> LABELS = Map.ofEntries(Map.entry("title", "Title"), Map.entry("description", "Description"),
            Map.entry("type", "Type"), Map.entry("format", "Format"), Map.entry("startsAt", "Starts"), Map.entry("endsAt", "Ends"),
            Map.entry("timeZone", "Time zone"), Map.entry("capacity", "Seats"), Map.entry("waitlistOfferHours", "Hours to claim a freed seat"), Map.entry("rsvpDeadline", "Answers close"),
            Map.entry("location", "Location"), Map.entry("onlineUrl", "Online link"), Map.entry("communityId", "Community"),
            Map.entry("repeat", "Repeats"), Map.entry("interval", "Every"), Map.entry("count", "Number of occurrences"));
    /**
     * The browser's hints and limits, as event-service's CreateEventRequest and EventRules have them (the service
     * still decides): required, maxlength, min and max per field.
     */
    static final Map<String, Map<String, String>> LIMITS = Map.of(
            "title", Map.of("required", "required", "maxlength", "200"),
            "description", Map.of("maxlength", "5000"),
            "startsAt", Map.of("required", "required"),
            "endsAt", Map.of("required", "required"),
            "location", Map.of("maxlength", "500"),
            "onlineUrl", Map.of("maxlength", "2000"),
            "capacity", Map.of("min", "1"),
            "waitlistOfferHours", Map.of("min", "0", "max", "168"),
            "interval", Map.of("min", "1", "max", "12"),
            "count", Map.of("min", "2", "max", "52"));
    static final String DEFAULT_ZONE = "Europe/Berlin";
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private EventForm() {
    }

    /** A new event's form: a training in person, in the organisation's time zone, happening once. */
    public static Map<String, String> blank() {
        return blank(ZoneId.of(DEFAULT_ZONE));
    }

    /** A new event's form: a training in person, in {@code zone} (the organiser's), happening once. */
    public static Map<String, String> blank(ZoneId zone) {
        Map<String, String> form = empty();
        form.put("type", "TRAINING");
        form.put("format", "IN_PERSON");
        form.put("timeZone", zone.getId());
        form.put("repeat", "NONE");
        form.put("interval", "1");
        return form;
    }

    /** An existing event's values, times shown in its own zone. */
    public static Map<String, String> of(Map<String, Object> event) {
        Map<String, String> form = empty();
        for (String field : FIELDS) {
            Object value = event.get(field);
            form.put(field, value == null ? "" : value.toString());
        }
        ZoneId zone = zoneOr(form.get("timeZone"));
        for (String time : List.of("startsAt", "endsAt", "rsvpDeadline")) {
            Object value = event.get(time);
            form.put(time, value == null ? "" : LOCAL.format(Instant.parse(value.toString()).atZone(zone)));
        }
        return form;
    }

    public static Map<String, String> typed(Map<String, List<String>> posted) {
        Map<String, String> form = empty();
        posted.forEach((name, values) -> {
            if (FORM_FIELDS.contains(name) && !values.isEmpty() && values.get(0) != null) {
                form.put(name, values.get(0).trim());
            }
        });
        return form;
    }

    /**
     * The API body for {@code POST /api/events}; a value that cannot even be read (a date that is not one) is
     * reported at its field, as the service would.
     */
    public static Map<String, Object> createBody(Map<String, String> form) {
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, Object> body = common(form, errors);
        if (!form.get("communityId").isEmpty()) {
            body.put("communityId", form.get("communityId"));
        }
        if (!form.get("repeat").isEmpty() && !"NONE".equals(form.get("repeat"))) {
            Map<String, Object> recurrence = new LinkedHashMap<>();
            recurrence.put("frequency", form.get("repeat"));
            recurrence.put("interval", integer(form, "interval", errors));
            Integer count = integer(form, "count", errors);
            if (count == null && !errors.containsKey("count")) {
                errors.put("count", "say how many times the event happens (2 to 52)");
            }
            recurrence.put("count", count);
            body.put("recurrence", recurrence);
        }
        return checked(body, errors);
    }

    /** The API body for {@code PATCH /api/events/{id}}: only what differs from {@code current}, so a reschedule is only published for new times. */
    public static Map<String, Object> changes(Map<String, String> form, Map<String, Object> current) {
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, Object> wanted = common(form, errors);
        Map<String, Object> changed = new LinkedHashMap<>();
        wanted.forEach((field, value) -> {
            Object now = current.get(field);
            boolean same = now != null && (value instanceof Instant instant
                    ? Instant.parse(now.toString()).equals(instant) : now.toString().equals(value.toString()));
            if (!same) {
                changed.put(field, value);
            }
        });
        return checked(changed, errors);
    }

    public static FormErrors errors(ApiProblemException problem) {
        return FormErrors.of(problem, API_TO_FORM, FORM_FIELDS).inPlainWords(LABELS).ordered(PAGE_ORDER);
    }

    private static Map<String, Object> common(Map<String, String> form, Map<String, String> errors) {
        Map<String, Object> body = new LinkedHashMap<>();
        ZoneId zone = zone(form.get("timeZone"), errors);
        putText(body, form, "title");
        putText(body, form, "description");
        putText(body, form, "type");
        putText(body, form, "format");
        body.put("timeZone", zone == null ? form.get("timeZone") : zone.getId());
        putTime(body, form, "startsAt", zone, errors);
        putTime(body, form, "endsAt", zone, errors);
        putTime(body, form, "rsvpDeadline", zone, errors);
        Integer capacity = integer(form, "capacity", errors);
        if (capacity != null) {
            body.put("capacity", capacity);
        }
        Integer offerHours = integer(form, "waitlistOfferHours", errors);
        if (offerHours != null) {
            body.put("waitlistOfferHours", offerHours);
        }
        putText(body, form, "location");
        putText(body, form, "onlineUrl");
        return body;
    }

    private static Map<String, Object> checked(Map<String, Object> body, Map<String, String> errors) {
        if (!errors.isEmpty()) {
            throw new ApiProblemException(Service.EVENT, 400, "Invalid form", null, errors);
        }
        return body;
    }

    private static void putText(Map<String, Object> body, Map<String, String> form, String field) {
        if (!form.get(field).isEmpty()) {
            body.put(field, form.get(field));
        }
    }

    private static void putTime(Map<String, Object> body, Map<String, String> form, String field, ZoneId zone,
                                Map<String, String> errors) {
        String text = form.get(field);
        if (text.isEmpty() || zone == null) {
            return;
        }
        try {
            body.put(field, LocalDateTime.parse(text.length() > 16 ? text.substring(0, 16) : text, LOCAL).atZone(zone).toInstant());
        } catch (DateTimeParseException e) {
            errors.put(field, "must be a date and time like 2026-12-01T17:00");
        }
    }

    private static Integer integer(Map<String, String> form, String field, Map<String, String> errors) {
        String text = form.get(field);
        if (text.isEmpty()) {
            return null;
        }
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            errors.put(field, "must be a whole number");
            return null;
        }
    }

    private static ZoneId zone(String text, Map<String, String> errors) {
        try {
            return ZoneId.of(text.isEmpty() ? "UTC" : text);
        } catch (DateTimeException e) {
            errors.put("timeZone", "is not a known time zone");
            return null;
        }
    }

    private static ZoneId zoneOr(String text) {
        try {
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            return ZoneId.of("UTC");
        }
    }

    private static Map<String, String> empty() {
        Map<String, String> form = new LinkedHashMap<>();
        FIELDS.forEach(field -> form.put(field, ""));
        return form;
    }
}
