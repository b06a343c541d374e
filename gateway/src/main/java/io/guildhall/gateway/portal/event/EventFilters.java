package io.guildhall.gateway.portal.event;

import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriBuilder;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The events page's filters and view, read from its query string. A value the services would refuse (an unknown
 * type, a malformed id or date) is dropped rather than turned into an error page: filters are a convenience.
 */
public record EventFilters(String type, String format, String communityId, boolean mine, String view, LocalDate date, int page) {

    public static final List<String> TYPES = List.of("TRAINING", "SPORTS", "PARTY", "CONFERENCE", "COMMUNITY_MEETUP");
    public static final List<String> FORMATS = List.of("IN_PERSON", "ONLINE", "HYBRID");
    public static final List<String> VIEWS = List.of("list", "week", "month");

    public static EventFilters of(MultiValueMap<String, String> query) {
        return new EventFilters(
                oneOf(query.getFirst("type"), TYPES),
                oneOf(query.getFirst("format"), FORMATS),
                uuid(query.getFirst("communityId")),
                "true".equals(query.getFirst("mine")),
                query.getFirst("view") != null && VIEWS.contains(query.getFirst("view")) ? query.getFirst("view") : "list",
                date(query.getFirst("date")),
                page(query.getFirst("page")));
    }

    /** The API's filter parameters; from/to, page and size are the caller's. */
    public UriBuilder apply(UriBuilder uri) {
        if (type != null) {
            uri.queryParam("type", type);
        }
        if (format != null) {
            uri.queryParam("format", format);
        }
        if (communityId != null) {
            uri.queryParam("communityId", communityId);
        }
        if (mine) {
            uri.queryParam("mine", true);
        }
        return uri;
    }

    /** This page's query string with some parameters changed (a view switch, the next page): for links. */
    public String link(String... changes) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("view", view);
        params.put("type", type);
        params.put("format", format);
        params.put("communityId", communityId);
        params.put("mine", mine ? "true" : null);
        params.put("date", date == null ? null : date.toString());
        params.put("page", page == 0 ? null : String.valueOf(page));
        for (int i = 0; i + 1 < changes.length; i += 2) {
            params.put(changes[i], changes[i + 1]);
        }
        StringBuilder link = new StringBuilder("/events");
        params.forEach((name, value) -> {
            if (value != null && !value.isEmpty() && !("view".equals(name) && "list".equals(value))) {
                link.append(link.indexOf("?") < 0 ? '?' : '&').append(name).append('=').append(value);
            }
        });
        return link.toString();
    }

    /** Whether any filter narrows the events (their panel then stays open on a phone). */
    public boolean isActive() {
        return type != null && !type.isBlank() || format != null && !format.isBlank()
                || communityId != null && !communityId.isBlank() || mine;
    }

    public boolean isCalendar() {
        return !"list".equals(view);
    }

    private static String oneOf(String value, List<String> allowed) {
        return value != null && allowed.contains(value) ? value : null;
    }

    private static String uuid(String value) {
        try {
            return value == null || value.isBlank() ? null : UUID.fromString(value.trim()).toString();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static LocalDate date(String value) {
        try {
            return value == null || value.isBlank() ? null : LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static int page(String value) {
        try {
            return value == null ? 0 : Math.max(0, Math.min(10_000, Integer.parseInt(value.trim())));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
