package io.guildhall.gateway.portal;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpCookie;

import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class ViewerTest {

    private final ViewerZones zones = new ViewerZones("Europe/Berlin",
            "Berlin=Europe/Berlin,London=Europe/London,Lisbon=Europe/Lisbon");

    @Test
    void zones_are_written_as_people_name_them() {
        assertThat(Viewer.place(ZoneId.of("Europe/London"))).isEqualTo("London");
        assertThat(Viewer.place(ZoneId.of("America/New_York"))).isEqualTo("New York");
        assertThat(Viewer.place(ZoneId.of("America/Argentina/Buenos_Aires"))).isEqualTo("Buenos Aires");
        assertThat(Viewer.place(ZoneId.of("UTC"))).isEqualTo("UTC");
        assertThat(Viewer.place(ZoneId.of("Etc/GMT-2"))).isEqualTo("UTC+02:00");
        assertThat(Viewer.placeless(ZoneId.of("UTC"))).isTrue();
        assertThat(Viewer.placeless(ZoneId.of("Europe/Lisbon"))).isFalse();
    }

    @Test
    void the_viewer_is_where_their_directory_location_is_else_where_their_browser_is_else_the_organisation() {
        HttpCookie newYork = new HttpCookie(ViewerZones.COOKIE, "America%2FNew_York");
        assertThat(zones.zoneOf("London", newYork)).isEqualTo(ZoneId.of("Europe/London"));
        assertThat(zones.zoneOf("Remote", newYork)).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(zones.zoneOf(null, newYork)).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(zones.zoneOf(null, new HttpCookie(ViewerZones.COOKIE, "Mars/Olympus"))).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(zones.zoneOf(null, null)).isEqualTo(ZoneId.of("Europe/Berlin"));
    }
}
