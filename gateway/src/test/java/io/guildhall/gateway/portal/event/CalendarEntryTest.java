package io.guildhall.gateway.portal.event;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class CalendarEntryTest {

    private static final String ICS = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:x@guildhall\r\nSUMMARY:Kafka\r\n"
            + "END:VEVENT\r\nEND:VCALENDAR\r\n";

    @Test
    void the_entry_gets_a_link_back_and_the_organiser_by_name() {
        String out = CalendarEntry.withPortal(ICS, "http://portal.example/events/1", "Grace Hopper",
                "6f1c1f7e-2b7a-4c55-9a51-3b8f2f1d0a11");
        assertThat(out).contains("SUMMARY:Kafka\r\nURL:http://portal.example/events/1\r\n"
                + "ORGANIZER;CN=Grace Hopper:urn:uuid:6f1c1f7e-2b7a-4c55-9a51-3b8f2f1d0a11\r\nEND:VEVENT");
        assertThat(out).doesNotContain("mailto:");
    }

    @Test
    void a_name_with_separators_is_quoted_and_an_unknown_organiser_is_left_out() {
        assertThat(CalendarEntry.quoted("Hopper, Grace")).isEqualTo("\"Hopper, Grace\"");
        assertThat(CalendarEntry.quoted("Say \"hi\"")).isEqualTo("Say 'hi'");
        assertThat(CalendarEntry.withPortal(ICS, "http://p/events/1", null, "x")).doesNotContain("ORGANIZER");
        assertThat(CalendarEntry.withPortal("not a calendar", "http://p", "A", "x")).isEqualTo("not a calendar");
    }

    @Test
    void long_lines_are_folded_at_75_octets_never_inside_a_character() {
        String line = "ORGANIZER;CN=" + "Ž".repeat(60) + ":urn:uuid:6f1c1f7e-2b7a-4c55-9a51-3b8f2f1d0a11";
        String folded = CalendarEntry.folded(line);
        for (String part : folded.split("\r\n")) {
            assertThat(part.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
        }
        assertThat(folded.replace("\r\n ", "")).isEqualTo(line);
    }
}
