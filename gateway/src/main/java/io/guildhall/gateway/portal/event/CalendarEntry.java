package io.guildhall.gateway.portal.event;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What the portal adds to event-service's iCalendar file of one event before handing it to a person: a link back to
 * the event's page ({@code URL}) and its organiser by name ({@code ORGANIZER;CN=...}). event-service has neither:
 * the portal's address is the gateway's, and names live in membership-service's directory. The organiser's email
 * is not the directory's to give (only to themselves and admins), so the address is the person's id as a URN,
 * which calendar apps show by its CN.
 */
final class CalendarEntry {

    private CalendarEntry() {
    }

    static String withPortal(String ics, String pageUrl, String organiserName, String organiserId) {
        int end = ics.indexOf("END:VEVENT");
        if (end < 0) {
            return ics;
        }
        List<String> lines = new ArrayList<>();
        lines.add("URL:" + pageUrl);
        if (organiserName != null && !organiserName.isBlank()) {
            lines.add("ORGANIZER;CN=" + quoted(organiserName) + ":" + address(organiserId));
        }
        StringBuilder added = new StringBuilder();
        for (String line : lines) {
            added.append(folded(line)).append("\r\n");
        }
        return ics.substring(0, end) + added + ics.substring(end);
    }

    private static String address(String personId) {
        try {
            return "urn:uuid:" + UUID.fromString(personId);
        } catch (IllegalArgumentException notUuid) {
            return "urn:guildhall:person:" + personId.replaceAll("[^A-Za-z0-9._-]", "-");
        }
    }

    /** RFC 5545 3.2: a parameter value with ":", ";" or "," is quoted; a double quote cannot appear at all. */
    static String quoted(String value) {
        String clean = value.replace("\"", "'").replaceAll("[\\r\\n\\t]", " ");
        return clean.matches(".*[:;,].*") ? "\"" + clean + "\"" : clean;
    }

    /** RFC 5545 3.1: lines longer than 75 octets are folded with CRLF and one space, never inside a character. */
    static String folded(String line) {
        StringBuilder out = new StringBuilder();
        int octets = 0;
        int limit = 75;
        for (int i = 0; i < line.length(); ) {
            int codePoint = line.codePointAt(i);
            String ch = new String(Character.toChars(codePoint));
            int size = ch.getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > limit) {
                out.append("\r\n ");
                octets = 1;
                limit = 75;
            }
            out.append(ch);
            octets += size;
            i += Character.charCount(codePoint);
        }
        return out.toString();
    }
}
