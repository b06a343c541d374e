package io.guildhall.gateway.portal;

import java.time.ZoneId;
import java.util.Locale;

/**
 * Where the person looking at a page is, for showing times: their directory location's zone, else their browser's,
 * else the organisation's ({@link ViewerZones}). {@code place} is the zone written for people: "London", "New York".
 */
public record Viewer(ZoneId zone, String place) {

    public static Viewer in(ZoneId zone) {
        return new Viewer(zone, place(zone));
    }

    /**
     * A zone as people name it: the city of a region/city id ("Europe/London" → "London", "America/Argentina/Buenos_Aires"
     * → "Buenos Aires"); a zone with no city (UTC, "Etc/GMT+2", a fixed offset) as its offset from UTC.
     */
    public static String place(ZoneId zone) {
        String id = zone.getId();
        int slash = id.lastIndexOf('/');
        if (slash < 0 || id.startsWith("Etc/") || id.startsWith("SystemV/")) {
            String offset = zone.getRules().getOffset(java.time.Instant.EPOCH).getId();
            return "Z".equals(offset) ? "UTC" : "UTC" + offset;
        }
        return id.substring(slash + 1).replace('_', ' ');
    }

    /** A zone without a place of its own: an event held "in UTC" is shown in the viewer's zone only. */
    public static boolean placeless(ZoneId zone) {
        String id = zone.getId().toUpperCase(Locale.ROOT);
        return !id.contains("/") || id.startsWith("ETC/");
    }
}
