package io.guildhall.event.event;

import io.guildhall.contracts.Topics;
import io.guildhall.contracts.community.CommunityArchived;
import io.guildhall.contracts.community.LeadAssigned;
import io.guildhall.contracts.community.LeadRemoved;
import io.guildhall.event.EventServiceITBase;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

class EventsIT extends EventServiceITBase {

    static final Instant NEXT_WEEK = Instant.now().plus(Duration.ofDays(7)).truncatedTo(ChronoUnit.MINUTES);

    @Test
    void grace_schedules_an_event_everyone_can_read_and_it_is_published() {
        String id = create("grace", event("Kafka for beginners", NEXT_WEEK, 12));

        client().get().uri("/api/events/" + id).headers(h -> h.setBearerAuth(token("ada"))).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.title").isEqualTo("Kafka for beginners")
                .jsonPath("$.organiserId").isEqualTo(personId("grace"))
                .jsonPath("$.status").isEqualTo("SCHEDULED")
                .jsonPath("$.going").isEqualTo(0)
                .jsonPath("$.checkInCode").doesNotExist();
        client().get().uri("/api/events/" + id).headers(h -> h.setBearerAuth(token("katherine"))).exchange()
                .expectStatus().isOk();

        ConsumerRecord<String, byte[]> scheduled = published(id, types -> !types.isEmpty()).get(0);
        assertThat(header(scheduled, "ce_type")).isEqualTo("guildhall.event.scheduled.v1");
        assertThat(data(scheduled).get("category")).isEqualTo("TRAINING");
        assertThat(data(scheduled).get("capacity")).isEqualTo(12);
        assertThat(data(scheduled).get("timeZone")).isEqualTo("Europe/London");
    }

    @Test
    void bad_input_gets_400_naming_the_field_and_writes_and_publishes_nothing() {
        long before = events();
        badInput(b -> b.put("endsAt", NEXT_WEEK.minusSeconds(60).toString()), "endsAt");
        badInput(b -> b.put("endsAt", NEXT_WEEK.plus(Duration.ofDays(15)).toString()), "endsAt");
        badInput(b -> b.put("capacity", 0), "capacity");
        badInput(b -> b.put("capacity", -3), "capacity");
        badInput(b -> b.put("type", "BARBECUE"), "type");
        badInput(b -> b.put("format", "TELEPATHY"), "format");
        badInput(b -> b.put("format", "ONLINE"), "onlineUrl");
        badInput(b -> b.remove("location"), "location");
        badInput(b -> b.put("timeZone", "Mars/Olympus"), "timeZone");
        badInput(b -> b.put("rsvpDeadline", NEXT_WEEK.plusSeconds(60).toString()), "rsvpDeadline");
        badInput(b -> b.remove("title"), "title");
        badInput(b -> b.put("startsAt", "next tuesday"), "startsAt");
        client().post().uri("/api/events").headers(h -> h.setBearerAuth(token("grace")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"title\": \"x\",").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void every_mistake_of_a_request_is_named_in_one_answer_constraints_and_rules_together() {
        long before = events();
        Map<String, Object> body = event("", NEXT_WEEK, 0);
        body.put("endsAt", NEXT_WEEK.minusSeconds(60).toString());
        body.remove("location");
        client().post().uri("/api/events").headers(h -> h.setBearerAuth(token("grace")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors.length()").isEqualTo(4)
                .jsonPath("$.errors[0].field").isEqualTo("title")
                .jsonPath("$.errors[1].field").isEqualTo("endsAt")
                .jsonPath("$.errors[2].field").isEqualTo("capacity")
                .jsonPath("$.errors[3].field").isEqualTo("location");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void anonymous_callers_get_401_and_unknown_events_404() {
        client().post().uri("/api/events").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(event("x", NEXT_WEEK, null)).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        client().get().uri("/api/events").exchange().expectStatus().isUnauthorized();
        client().get().uri("/api/events/" + UUID.randomUUID()).headers(h -> h.setBearerAuth(token("ada"))).exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void the_list_filters_by_dates_type_format_and_mine_and_pages() {
        Instant day = Instant.parse("2031-05-05T09:00:00Z").plus(Duration.ofDays(new java.util.Random().nextInt(3000)));
        Map<String, Object> match = event("Five-a-side", day, null);
        match.put("type", "SPORTS");
        String sports = create("ada", match);
        String training = create("grace", event("Clean code", day.plus(Duration.ofHours(3)), null));
        Map<String, Object> online = event("Remote pairing", day.plus(Duration.ofHours(5)), null);
        online.put("format", "ONLINE");
        online.put("onlineUrl", "https://meet.example.com/pair");
        String remote = create("grace", online);
        String window = "from=" + day.minusSeconds(1) + "&to=" + day.plus(Duration.ofDays(1));

        assertThat(list("grace", window)).containsExactly(sports, training, remote);
        assertThat(list("grace", window + "&type=SPORTS")).containsExactly(sports);
        assertThat(list("grace", window + "&format=ONLINE")).containsExactly(remote);
        assertThat(list("grace", window + "&mine=true")).containsExactly(training, remote);
        assertThat(list("ada", window + "&mine=true")).containsExactly(sports);
        assertThat(list("grace", window + "&size=2&page=1")).containsExactly(remote);
        assertThat(list("grace", "from=" + day.plus(Duration.ofDays(1)) + "&to=" + day.plus(Duration.ofDays(2)))).isEmpty();
        client().get().uri("/api/events?size=500").headers(h -> h.setBearerAuth(token("ada"))).exchange()
                .expectStatus().isBadRequest();
        client().get().uri("/api/events?type=BARBECUE").headers(h -> h.setBearerAuth(token("ada"))).exchange()
                .expectStatus().isBadRequest();
    }

    @Test
    void only_the_communitys_leads_organise_its_events_as_the_replica_knows_them() {
        UUID community = UUID.randomUUID();
        Map<String, Object> meetup = meetup("Guild meetup", community);
        long before = events();
        client().post().uri("/api/events").headers(h -> h.setBearerAuth(token("grace")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(meetup).exchange().expectStatus().isForbidden();

        foundedBy("grace", community);
        String id = create("grace", meetup);
        assertThat(id).isNotNull();
        client().post().uri("/api/events").headers(h -> h.setBearerAuth(token("ada")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(meetup).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(events()).isEqualTo(before + 1);

        publish(Topics.COMMUNITY, new LeadAssigned(community, personId("ada"), personId("grace"), Instant.now()));
        awaitLead(community, personId("ada"), true);
        create("ada", meetup);
        publish(Topics.COMMUNITY, new LeadRemoved(community, personId("ada"), personId("grace"), Instant.now()));
        awaitLead(community, personId("ada"), false);
        client().post().uri("/api/events").headers(h -> h.setBearerAuth(token("ada")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(meetup).exchange().expectStatus().isForbidden();
    }

    @Test
    void an_archived_community_holds_no_new_events_and_the_refusal_names_the_community() {
        UUID community = UUID.randomUUID();
        Map<String, Object> meetup = meetup("Last meetup", community);
        foundedBy("grace", community);
        String held = create("grace", meetup);

        publish(Topics.COMMUNITY, new CommunityArchived(community, personId("grace"), Instant.now()));
        Instant deadline = Instant.now().plusSeconds(60);
        while (count("SELECT count(*) FROM archived_community WHERE community_id = :id", community) == 0) {
            assertThat(Instant.now()).as("the archive reaches the replica").isBefore(deadline);
            sleep();
        }
        long before = events();
        client().post().uri("/api/events").headers(h -> h.setBearerAuth(token("grace")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(meetup).exchange()
                .expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("communityId")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("archived"));
        assertThat(events()).isEqualTo(before);
        client().get().uri("/api/events/" + held).headers(h -> h.setBearerAuth(token("ada"))).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("SCHEDULED");
    }

    @Test
    void a_weekly_series_creates_its_occurrences_and_one_can_be_cancelled_alone() {
        Instant first = Instant.parse("2030-03-19T18:00:00Z").plus(Duration.ofDays(7L * new java.util.Random().nextInt(500)));
        Map<String, Object> body = event("Weekly pairing", first, 8);
        body.put("recurrence", Map.of("frequency", "WEEKLY", "interval", 2, "count", 3));
        Map<?, ?> created = client().post().uri("/api/events").headers(h -> h.setBearerAuth(token("grace")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        String series = (String) created.get("seriesId");
        assertThat(series).isNotNull();

        List<Map<String, Object>> occurrences = client().get().uri("/api/events?seriesId=" + series)
                .headers(h -> h.setBearerAuth(token("ada"))).exchange().expectStatus().isOk()
                .expectBodyList(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() { })
                .returnResult().getResponseBody();
        assertThat(occurrences).extracting(e -> Instant.parse((String) e.get("startsAt")).atZone(java.time.ZoneId.of("Europe/London")).toLocalTime())
                .containsOnly(first.atZone(java.time.ZoneId.of("Europe/London")).toLocalTime());
        assertThat(occurrences).hasSize(3).first().extracting(e -> e.get("id")).isEqualTo(created.get("id"));
        String second = (String) occurrences.get(1).get("id");
        client().post().uri("/api/events/" + second + "/cancel").headers(h -> h.setBearerAuth(token("grace"))).exchange()
                .expectStatus().isOk();
        assertThat(client().get().uri("/api/events?seriesId=" + series).headers(h -> h.setBearerAuth(token("ada")))
                .exchange().expectBodyList(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() { })
                .returnResult().getResponseBody()).extracting(e -> e.get("status"))
                .containsExactly("SCHEDULED", "CANCELLED", "SCHEDULED");
        ConsumerRecord<String, byte[]> scheduled = published(second, types -> !types.isEmpty()).get(0);
        assertThat(data(scheduled)).containsEntry("seriesId", series);

        badInput(b -> b.put("recurrence", Map.of("frequency", "WEEKLY", "count", 100)), "recurrence.count");
        badInput(b -> b.put("recurrence", Map.of("frequency", "DAILY", "count", 3)), "recurrence.frequency");
    }

    @Test
    void health_and_openapi_are_public() {
        client().get().uri("/actuator/health").exchange().expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("UP");
        client().get().uri("/v3/api-docs").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.paths['/api/events']").exists()
                .jsonPath("$.paths['/api/events/{id}/rsvp']").exists()
                .jsonPath("$.paths['/api/events/{id}/check-ins']").exists();
    }

    @Test
    void only_a_lead_an_admin_or_an_organiser_schedules_an_event_that_has_started_and_at_most_seven_days_back() {
        Instant twoDaysAgo = Instant.now().minus(Duration.ofDays(2)).truncatedTo(ChronoUnit.MINUTES);
        // ada (an employee) and grace (a lead, but not of this event's community: it has none) may not.
        for (String user : List.of("ada", "grace")) {
            client().post().uri("/api/events").headers(h -> h.setBearerAuth(token(user)))
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(event("Two days ago by " + user, twoDaysAgo, null))
                    .exchange().expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo("startsAt");
        }
        assertThat(db.sql("SELECT count(*) FROM event WHERE title LIKE 'Two days ago by %'").map(r -> r.get(0, Long.class))
                .one().block()).isZero();
        // A few minutes "ago" is now (a form filled in at the door).
        create("ada", event("Starting right now", Instant.now().minus(Duration.ofMinutes(2)), null));
        // sophie holds the realm role organiser, dennis is an admin; a community's lead for her community.
        String afterTheFact = create("sophie", event("Recorded after the fact", twoDaysAgo, null));
        client().get().uri("/api/events/" + afterTheFact).headers(h -> h.setBearerAuth(token("ada"))).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.recordedAfterTheFact").isEqualTo(true);
        assertThat(data(published(afterTheFact, types -> !types.isEmpty()).get(0))).containsEntry("recordedAfterTheFact", true);
        create("dennis", event("Recorded by an admin", twoDaysAgo, null));
        UUID community = UUID.randomUUID();
        foundedBy("grace", community);
        Map<String, Object> past = meetup("Lead's meetup two days ago", community);
        past.put("startsAt", twoDaysAgo.toString());
        past.put("endsAt", twoDaysAgo.plus(Duration.ofHours(1)).toString());
        create("grace", past);
        // Nobody goes further back than 7 days.
        client().post().uri("/api/events").headers(h -> h.setBearerAuth(token("dennis")))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(event("Eight days ago", Instant.now().minus(Duration.ofDays(8)), null))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("startsAt")
                .jsonPath("$.errors[0].message").value(m -> assertThat((String) m).contains("7 days"));
        // Nor may an employee move her own event into the past.
        String mine = create("ada", event("Ada's next week", NEXT_WEEK, null));
        client().get().uri("/api/events/" + mine).headers(h -> h.setBearerAuth(token("ada"))).exchange()
                .expectBody().jsonPath("$.recordedAfterTheFact").isEqualTo(false);
        client().patch().uri("/api/events/" + mine).headers(h -> h.setBearerAuth(token("ada")))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("startsAt", twoDaysAgo.toString(), "endsAt", twoDaysAgo.plus(Duration.ofHours(1)).toString()))
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("startsAt");
        // The events team may move one there; from then on it is after the fact, as if scheduled so, and stays so.
        String moved = create("sophie", event("Held last Tuesday after all", NEXT_WEEK, null));
        client().patch().uri("/api/events/" + moved).headers(h -> h.setBearerAuth(token("sophie")))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("startsAt", twoDaysAgo.toString(), "endsAt", twoDaysAgo.plus(Duration.ofHours(1)).toString()))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.recordedAfterTheFact").isEqualTo(true);
        client().get().uri("/api/events/" + moved).headers(h -> h.setBearerAuth(token("ada"))).exchange()
                .expectBody().jsonPath("$.recordedAfterTheFact").isEqualTo(true);
    }

    @Test
    void an_event_that_is_over_can_be_cancelled_for_seven_days_and_its_attendance_is_retracted() {
        Instant yesterday = Instant.now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.MINUTES);
        String id = create("sophie", event("Scheduled by mistake", yesterday, null));
        client().post().uri("/api/events/" + id + "/check-ins/bulk").headers(h -> h.setBearerAuth(token("sophie")))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("attendees", List.of(Map.of("personId", personId("ada")), Map.of("personId", personId("katherine")))))
                .exchange().expectStatus().isOk();
        client().post().uri("/api/events/" + id + "/cancel").headers(h -> h.setBearerAuth(token("ada")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of()).exchange().expectStatus().isForbidden();

        client().post().uri("/api/events/" + id + "/cancel").headers(h -> h.setBearerAuth(token("sophie")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("reason", "never took place")).exchange()
                .expectStatus().is2xxSuccessful();

        assertThat(count("SELECT count(*) FROM attendance WHERE event_id = :id AND minutes > 0", UUID.fromString(id))).isZero();
        List<ConsumerRecord<String, byte[]>> records = published(id, types -> types.stream()
                .filter(t -> t.endsWith("attendance-corrected.v1")).count() >= 2);
        assertThat(types(records)).contains("guildhall.event.cancelled.v1");
        assertThat(records.stream().filter(r -> header(r, "ce_type").endsWith("attendance-recorded.v1"))
                .map(r -> data(r).get("recordedAfterTheFact"))).containsOnly(true);
        assertThat(records.stream().filter(r -> header(r, "ce_type").endsWith("attendance-corrected.v1"))
                .map(r -> data(r).get("minutes"))).containsOnly(0);
    }

    private static Map<String, Object> meetup(String title, UUID community) {
        Map<String, Object> meetup = event(title, NEXT_WEEK, 30);
        meetup.put("type", "COMMUNITY_MEETUP");
        meetup.put("communityId", community.toString());
        return meetup;
    }


    private List<String> list(String user, String query) {
        List<Map<String, Object>> body = client().get().uri("/api/events?" + query).headers(h -> h.setBearerAuth(token(user)))
                .exchange().expectStatus().isOk()
                .expectBodyList(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() { })
                .returnResult().getResponseBody();
        return body.stream().map(e -> (String) e.get("id")).toList();
    }

    private void badInput(Consumer<Map<String, Object>> change, String field) {
        Map<String, Object> body = event("Bad " + field, NEXT_WEEK, 10);
        change.accept(body);
        client().post().uri("/api/events").headers(h -> h.setBearerAuth(token("grace")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo(field);
    }

    private long events() {
        return db.sql("SELECT count(*) FROM event").map(r -> r.get(0, Long.class)).one().block();
    }
}
