package io.guildhall.gateway.portal.organiser;

import io.guildhall.gateway.portal.api.ApiProblemException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventFormTest {

    static Map<String, String> typed(String... pairs) {
        Map<String, List<String>> posted = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            posted.put(pairs[i], List.of(pairs[i + 1]));
        }
        return EventForm.typed(posted);
    }

    @Test
    void local_times_are_read_in_the_events_own_zone_and_a_series_becomes_a_recurrence() {
        Map<String, Object> body = EventForm.createBody(typed("title", " Code retreat ", "type", "TRAINING", "format", "IN_PERSON",
                "timeZone", "Europe/London", "startsAt", "2026-07-01T18:00", "endsAt", "2026-07-01T20:00", "capacity", "12",
                "location", "Atrium", "repeat", "WEEKLY", "interval", "2", "count", "4", "ignored", "x"));
        assertEquals("Code retreat", body.get("title"));
        assertEquals(Instant.parse("2026-07-01T17:00:00Z"), body.get("startsAt"));
        assertEquals(12, body.get("capacity"));
        assertEquals(Map.of("frequency", "WEEKLY", "interval", 2, "count", 4), body.get("recurrence"));
        assertFalse(body.containsKey("rsvpDeadline"));
        assertFalse(body.containsKey("ignored"));
    }

    @Test
    void what_cannot_be_read_is_refused_at_its_field_before_anything_is_sent() {
        ApiProblemException refused = assertThrows(ApiProblemException.class, () -> EventForm.createBody(typed(
                "title", "x", "timeZone", "Europe/Berlin", "startsAt", "tomorrow", "capacity", "ten", "repeat", "WEEKLY")));
        assertEquals("must be a date and time like 2026-12-01T17:00", refused.fieldErrors().get("startsAt"));
        assertEquals("must be a whole number", refused.fieldErrors().get("capacity"));
        assertTrue(refused.fieldErrors().get("count").contains("how many times"));
        ApiProblemException zone = assertThrows(ApiProblemException.class, () -> EventForm.createBody(typed("timeZone", "Mars/Olympus")));
        assertTrue(zone.fieldErrors().containsKey("timeZone"));
    }

    @Test
    void an_edit_sends_only_what_changed_so_unchanged_times_are_no_reschedule() {
        Map<String, Object> current = Map.of("title", "Code retreat", "type", "TRAINING", "format", "IN_PERSON",
                "timeZone", "Europe/Berlin", "startsAt", "2026-12-01T16:00:00Z", "endsAt", "2026-12-01T18:00:00Z",
                "location", "Atrium", "capacity", 12, "sequence", 3);
        Map<String, String> form = EventForm.of(current);
        assertEquals("2026-12-01T17:00", form.get("startsAt"));
        assertEquals(Map.of(), EventForm.changes(form, current));
        form.put("endsAt", "2026-12-01T19:30");
        form.put("capacity", "20");
        assertEquals(Map.of("endsAt", Instant.parse("2026-12-01T18:30:00Z"), "capacity", 20), EventForm.changes(form, current));
    }

    @Test
    void the_services_nested_recurrence_fields_show_at_the_forms_inputs_in_plain_words() {
        ApiProblemException problem = new ApiProblemException(io.guildhall.gateway.portal.api.Service.EVENT, 400, "Bad", null,
                Map.of("recurrence.count", "must be less than or equal to 52", "endsAt", "must be after startsAt"));
        var errors = EventForm.errors(problem);
        assertEquals("Number of occurrences can be at most 52", errors.field("count"));
        assertEquals("The end must be after the start", errors.field("endsAt"));
    }
}
