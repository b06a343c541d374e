package io.guildhall.event.calendar;

import io.guildhall.event.EventServiceITBase;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CalendarIT extends EventServiceITBase {

    static final Instant NEXT_WEEK = Instant.now().plus(Duration.ofDays(7)).truncatedTo(ChronoUnit.MINUTES);

    @Test
    void an_event_as_ics_parses_back_with_its_uid_times_and_sequence() throws Exception {
        String id = create("grace", event("Kafka deep dive", NEXT_WEEK, 10));
        String ics = client().get().uri("/api/events/" + id + ".ics").headers(h -> h.setBearerAuth(token("ada"))).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.parseMediaType("text/calendar"))
                .expectBody(String.class).returnResult().getResponseBody();

        VEvent entry = single(ics);
        assertThat(prop(entry, Property.UID)).isEqualTo(id + "@guildhall");
        assertThat(prop(entry, Property.SUMMARY)).isEqualTo("Kafka deep dive");
        assertThat(prop(entry, Property.SEQUENCE)).isEqualTo("0");
        assertThat(prop(entry, Property.STATUS)).isEqualTo("CONFIRMED");
        assertThat(entry.getProperties(Property.DTSTAMP)).as("RFC 5545: exactly one DTSTAMP").hasSize(1);
        assertThat(prop(entry, Property.LOCATION)).isEqualTo("Room 4, London office");
        assertThat(prop(entry, Property.DTSTART)).isEqualTo(ical(NEXT_WEEK));
        assertThat(prop(entry, Property.DTEND)).isEqualTo(ical(NEXT_WEEK.plus(Duration.ofMinutes(90))));

        client().get().uri("/api/events/" + id + ".ics").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void a_hybrid_events_online_link_is_in_its_ics_only_for_the_people_going_and_its_organiser() throws Exception {
        Map<String, Object> body = new java.util.HashMap<>(event("Hybrid, link inside", NEXT_WEEK, 10));
        body.put("format", "HYBRID");
        body.put("onlineUrl", "https://meet.example.com/hybrid");
        body.put("description", "Bring a laptop.");
        String id = create("grace", body);
        rsvp("ada", id, "GOING").expectStatus().isOk();

        for (String inside : List.of("ada", "grace")) {
            VEvent entry = single(ics(inside, id));
            assertThat(prop(entry, Property.DESCRIPTION)).isEqualTo("Bring a laptop.\n\nOnline: https://meet.example.com/hybrid");
            assertThat(prop(entry, Property.LOCATION)).isEqualTo("Room 4, London office");
        }
        String outside = ics("katherine", id);
        assertThat(outside).doesNotContain("meet.example.com");
        assertThat(prop(single(outside), Property.DESCRIPTION)).isEqualTo("Bring a laptop.");
    }

    private String ics(String user, String id) {
        return client().get().uri("/api/events/" + id + ".ics").headers(h -> h.setBearerAuth(token(user))).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    }

    @Test
    void the_personal_feed_shows_my_events_with_updates_and_cancellations_and_can_be_revoked() throws Exception {
        String id = create("grace", event("Feed me", NEXT_WEEK, 10));
        String other = create("grace", event("Not mine", NEXT_WEEK, 10));
        rsvp("ada", id, "GOING").expectStatus().isOk();
        rsvp("grace", id, "GOING").expectStatus().isOk();
        String url = feedUrl("ada");
        assertThat(feedUrl("ada")).isEqualTo(url);
        assertThat(feedUrl("katherine")).isNotEqualTo(url);

        String first = feed(url);
        // ada answers other events in other tests of this shared database: look for this one, and not the other.
        assertThat(events(first)).extracting(e -> prop(e, Property.UID)).contains(id + "@guildhall")
                .doesNotContain(other + "@guildhall");
        assertThat(first).doesNotContain("ATTENDEE").doesNotContain(personId("grace")).doesNotContain(other);

        client().patch().uri("/api/events/" + id).headers(h -> h.setBearerAuth(token("grace")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("title", "Feed me twice")).exchange()
                .expectStatus().isOk();
        VEvent updated = entry(feed(url), id);
        assertThat(prop(updated, Property.SUMMARY)).isEqualTo("Feed me twice");
        assertThat(prop(updated, Property.SEQUENCE)).isEqualTo("1");

        client().post().uri("/api/events/" + id + "/cancel").headers(h -> h.setBearerAuth(token("grace"))).exchange()
                .expectStatus().isOk();
        VEvent cancelled = entry(feed(url), id);
        assertThat(prop(cancelled, Property.STATUS)).isEqualTo("CANCELLED");
        assertThat(prop(cancelled, Property.SEQUENCE)).isEqualTo("2");

        client().delete().uri("/api/me/calendar").headers(h -> h.setBearerAuth(token("ada"))).exchange()
                .expectStatus().isNoContent();
        client().get().uri(url).exchange().expectStatus().isNotFound();
        assertThat(feedUrl("ada")).isNotEqualTo(url);
        client().get().uri("/api/calendar/feeds/guessed-token.ics").exchange().expectStatus().isNotFound();
        client().get().uri("/api/me/calendar").exchange().expectStatus().isUnauthorized();
    }

    private String feedUrl(String user) {
        Map<?, ?> body = client().get().uri("/api/me/calendar").headers(h -> h.setBearerAuth(token(user))).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        String url = (String) body.get("url");
        assertThat(url).startsWith("/api/calendar/feeds/").endsWith(".ics");
        return url;
    }

    private String feed(String url) {
        return client().get().uri(url).exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.parseMediaType("text/calendar"))
                .expectBody(String.class).returnResult().getResponseBody();
    }

    private static VEvent single(String ics) throws Exception {
        List<VEvent> events = events(ics);
        assertThat(events).hasSize(1);
        return events.get(0);
    }

    private static VEvent entry(String ics, String id) throws Exception {
        return events(ics).stream().filter(e -> (id + "@guildhall").equals(prop(e, Property.UID))).findFirst().orElseThrow();
    }

    private static List<VEvent> events(String ics) throws Exception {
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        return calendar.getComponents().stream().filter(VEvent.class::isInstance).map(VEvent.class::cast).toList();
    }

    private static String prop(VEvent entry, String name) {
        return entry.getProperties().stream().filter(p -> p.getName().equals(name)).findFirst()
                .map(Property::getValue).orElse(null);
    }

    private static String ical(Instant instant) {
        return instant.toString().replace("-", "").replace(":", "").replace(".000", "");
    }
}
