package io.guildhall.gateway.portal.organiser;

import io.guildhall.contracts.time.OrganisationZones;
import io.guildhall.gateway.portal.Viewer;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The time zones an organiser picks from, by city: the organisation's own locations first ("Berlin", "London"),
 * then every city zone of the world ("New York, America"), alphabetically. The value sent is the IANA id, which no
 * one has to type or read.
 */
public final class TimeZoneChoices {

    private static final Pattern CITY_ZONE = Pattern.compile(
            "(Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific)/[A-Za-z_/-]+");

    /** One option: the zone's id and how people read it. */
    public record Choice(String value, String label, boolean ours) {
    }

    private TimeZoneChoices() {
    }

    public static List<Choice> of(OrganisationZones zones, String selected) {
        List<Choice> choices = new ArrayList<>();
        Set<String> ours = new LinkedHashSet<>();
        zones.locations().forEach((location, zone) -> {
            if (ours.add(zone.getId())) {
                choices.add(new Choice(zone.getId(), location, true));
            }
        });
        if (ours.add(zones.organisation().getId())) {
            choices.add(new Choice(zones.organisation().getId(), Viewer.place(zones.organisation()), true));
        }
        List<Choice> world = new ArrayList<>();
        for (String id : ZoneId.getAvailableZoneIds()) {
            if (CITY_ZONE.matcher(id).matches() && !ours.contains(id)) {
                world.add(new Choice(id, label(id), false));
            }
        }
        boolean known = selected == null || selected.isBlank() || ours.contains(selected)
                || world.stream().anyMatch(c -> c.value().equals(selected));
        if (!known) {
            // An event held in a zone off the list (UTC, say) keeps it when edited.
            try {
                world.add(new Choice(ZoneId.of(selected).getId(), Viewer.place(ZoneId.of(selected)), false));
            } catch (java.time.DateTimeException notAZone) {
                // a zone that is no zone: the organiser picks one; the form says so
            }
        }
        world.sort(Comparator.comparing(Choice::label));
        choices.addAll(world);
        return choices;
    }

    /** "America/Argentina/Buenos_Aires" → "Buenos Aires, America". */
    static String label(String id) {
        return Viewer.place(ZoneId.of(id)) + ", " + id.substring(0, id.indexOf('/'));
    }
}
