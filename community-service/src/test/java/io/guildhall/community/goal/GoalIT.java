package io.guildhall.community.goal;

import io.guildhall.community.CommunityServiceIT;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Goals, check-ins and derived statuses, through the API and on Kafka. */
class GoalIT extends CommunityServiceIT {

    private static final String SET = "guildhall.community.goal-set.v1";
    private static final String UPDATED = "guildhall.community.goal-updated.v1";
    private static final String PROGRESS = "guildhall.community.goal-progress-reported.v1";
    private static final String STATUS = "guildhall.community.goal-status-changed.v1";

    @Autowired
    GoalStatusCheck statusCheck;

    // The organisation's today: the services' clock runs in GUILDHALL_TIME_ZONE (default Europe/Berlin).
    static final LocalDate TODAY = LocalDate.now(java.time.ZoneId.of("Europe/Berlin"));

    @Test
    void a_lead_sets_a_goal_checks_in_twice_and_achieves_it_with_full_history() {
        String community = found("grace", unique("Writing Guild"), "writing");
        Map<?, ?> goal = setGoal("grace", community, Map.of("title", "Publish posts", "metric", "CUSTOM", "unit", "posts",
                "target", 10, "dueDate", TODAY.plusDays(100).toString()))
                .expectStatus().isCreated().expectHeader().valueEquals("ETag", "\"0\"")
                .expectBody(Map.class).returnResult().getResponseBody();
        String goalId = (String) goal.get("id");
        assertThat(goal.get("status")).isEqualTo("ON_TRACK");
        assertThat(goal.get("ownerId")).isEqualTo(personId("grace"));

        checkIn("grace", community, goalId, Map.of("value", 4, "comment", "four drafts out")).expectStatus().isCreated()
                .expectBody().jsonPath("$.currentValue").isEqualTo(4.0).jsonPath("$.status").isEqualTo("ON_TRACK");
        checkIn("grace", community, goalId, Map.of("value", "10.5", "asOf", TODAY.toString())).expectStatus().isCreated()
                .expectBody().jsonPath("$.status").isEqualTo("ACHIEVED").jsonPath("$.checkIns.length()").isEqualTo(2);

        client().get().uri("/api/communities/{c}/goals/{g}", community, goalId).headers(h -> h.setBearerAuth(token("ada")))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.checkIns[0].value").isEqualTo(10.5)
                .jsonPath("$.checkIns[1].comment").isEqualTo("four drafts out")
                .jsonPath("$.checkIns[1].authorId").isEqualTo(personId("grace"));
        client().get().uri("/api/communities/{c}/goals", community).headers(h -> h.setBearerAuth(token("katherine")))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$[0].id").isEqualTo(goalId).jsonPath("$[0].progress").isEqualTo(1.05)
                .jsonPath("$[0].checkIns").doesNotExist();
        // The community page's evidence: each goal's newest check-ins in the list.
        client().get().uri("/api/communities/{c}/goals?recentCheckIns=1", community).headers(h -> h.setBearerAuth(token("ada")))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$[0].checkIns.length()").isEqualTo(1).jsonPath("$[0].checkIns[0].value").isEqualTo(10.5)
                .jsonPath("$[0].checkIns[0].source").isEqualTo("CHECK_IN");
        client().get().uri("/api/communities/{c}/goals?recentCheckIns=11", community).headers(h -> h.setBearerAuth(token("ada")))
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("recentCheckIns");

        Map<String, ConsumerRecord<String, byte[]>> events = awaitEvents(community, Set.of(SET, PROGRESS, STATUS));
        assertThat(json(events.get(SET))).contains("\"unit\":\"posts\"", "\"status\":\"ON_TRACK\"");
        assertThat(json(events.get(PROGRESS))).contains("\"source\":\"CHECK_IN\"", goalId);
        assertThat(json(events.get(STATUS))).contains("\"previousStatus\":\"ON_TRACK\"", "\"status\":\"ACHIEVED\"",
                "\"cause\":\"CHECK_IN\"");
    }

    @Test
    void editing_a_goal_respects_if_match_and_publishes_the_status_change_it_causes() {
        String community = found("grace", unique("Mentoring Guild"), "mentoring");
        String goalId = goalId(setGoal("grace", community, Map.of("title", "Mentor people", "metric", "MEMBERS",
                "baseline", 2, "target", 12, "dueDate", TODAY.plusDays(60).toString())));
        checkIn("grace", community, goalId, Map.of("value", 9)).expectStatus().isCreated();

        patchGoal("grace", community, goalId, "\"0\"", Map.of("target", 9)).expectStatus().isEqualTo(412);
        patchGoal("grace", community, goalId, "\"1\"", Map.of("target", 9, "title", "Mentor nine"))
                .expectStatus().isOk().expectHeader().valueEquals("ETag", "\"2\"")
                .expectBody().jsonPath("$.status").isEqualTo("ACHIEVED").jsonPath("$.title").isEqualTo("Mentor nine");
        patchGoal("grace", community, goalId, null, Map.of("target", 2)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("target");
        patchGoal("grace", community, goalId, null, Map.of("dueDate", TODAY.minusDays(1).toString())).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("dueDate");
        patchGoal("grace", community, goalId, null, Map.of("ownerId", personId("ada"))).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("ownerId");

        Map<String, ConsumerRecord<String, byte[]>> events = awaitEvents(community, Set.of(UPDATED, STATUS));
        assertThat(json(events.get(UPDATED))).contains("\"title\":\"Mentor nine\"");
        assertThat(json(events.get(STATUS))).contains("\"cause\":\"GOAL_UPDATED\"", "\"status\":\"ACHIEVED\"");
    }

    @Test
    void the_scheduled_check_publishes_transitions_caused_by_time_passing() {
        String community = found("grace", unique("Running Club"), "sports");
        String goalId = goalId(setGoal("grace", community, Map.of("title", "Grow the club", "metric", "MEMBERS",
                "target", 10, "dueDate", TODAY.plusDays(10).toString())));
        checkIn("grace", community, goalId, Map.of("value", 2)).expectStatus().isCreated();

        assertThat(statusCheck.checkOn(TODAY.plusDays(1)).block()).isNotNull();
        assertThat(status(goalId)).isEqualTo("ON_TRACK");               // elapsed 0.1, progress 0.2
        assertThat(statusCheck.checkOn(TODAY.plusDays(5)).block()).isPositive();
        assertThat(status(goalId)).isEqualTo("AT_RISK");                // elapsed 0.5, progress 0.2
        statusCheck.checkOn(TODAY.plusDays(11)).block();
        assertThat(status(goalId)).isEqualTo("OVERDUE");
        statusCheck.checkOn(TODAY.plusDays(25)).block();
        assertThat(status(goalId)).isEqualTo("MISSED");
        long changes = db.sql("SELECT count(*) FROM guildhall_outbox WHERE message_key = :k AND ce_type = :t")
                .bind("k", community).bind("t", STATUS).map(r -> r.get(0, Long.class)).one().block();
        statusCheck.checkOn(TODAY.plusDays(40)).block();
        assertThat(db.sql("SELECT count(*) FROM guildhall_outbox WHERE message_key = :k AND ce_type = :t")
                .bind("k", community).bind("t", STATUS).map(r -> r.get(0, Long.class)).one().block()).isEqualTo(changes).isEqualTo(3);

        ConsumerRecord<String, byte[]> last = awaitEvents(community, Set.of(STATUS)).get(STATUS);
        assertThat(json(last)).contains("\"cause\":\"TIME_PASSED\"");
    }

    @Test
    void bad_goal_input_gets_400_or_404_naming_the_problem_and_writes_nothing() {
        String community = found("grace", unique("Careful Guild"), "care");
        String goalId = goalId(setGoal("grace", community, Map.of("title", "Grow", "metric", "MEMBERS", "target", 20,
                "dueDate", TODAY.plusDays(30).toString())));
        long outbox = outboxRows(community);
        String due = TODAY.plusDays(30).toString();

        badGoal(community, Map.of("title", "Late", "metric", "MEMBERS", "target", 5, "dueDate", TODAY.minusDays(1).toString()), "dueDate");
        badGoal(community, Map.of("title", "Flat", "metric", "MEMBERS", "baseline", 5, "target", 5, "dueDate", due), "target");
        badGoal(community, Map.of("title", "Odd", "metric", "VIBES", "target", 5, "dueDate", due), "metric");
        badGoal(community, Map.of("title", "Custom", "metric", "CUSTOM", "target", 5, "dueDate", due), "unit");
        badGoal(community, Map.of("metric", "MEMBERS", "target", 5, "dueDate", due), "title");
        badGoal(community, Map.of("title", "t".repeat(201), "metric", "MEMBERS", "target", 5, "dueDate", due), "title");
        badGoal(community, Map.of("title", "Owner", "metric", "MEMBERS", "target", 5, "dueDate", due, "ownerId", personId("ada")), "ownerId");
        badGoal(community, Map.of("title", "Date", "metric", "MEMBERS", "target", 5, "dueDate", "next week"), "dueDate");
        badGoal(community, Map.of("title", "Neg", "metric", "MEMBERS", "target", -5, "dueDate", due), "target");

        checkIn("grace", community, goalId, Map.of("value", "lots")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("value");
        checkIn("grace", community, goalId, Map.of("comment", "no value")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("value");
        checkIn("grace", community, goalId, Map.of("value", 3, "asOf", TODAY.plusDays(1).toString())).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("asOf");
        checkIn("grace", community, goalId, Map.of("value", 3, "asOf", TODAY.minusDays(1).toString())).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("asOf");
        checkIn("grace", community, UUID.randomUUID().toString(), Map.of("value", 3)).expectStatus().isNotFound();
        String sessions = goalId(setGoal("grace", community, Map.of("title", "Sessions", "metric", "SESSIONS_HELD", "target", 5,
                "dueDate", due)));
        outbox = outboxRows(community);
        checkIn("grace", community, sessions, Map.of("value", 3)).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("metric");
        String other = found("grace", unique("Other Guild"), "care");
        checkIn("grace", other, goalId, Map.of("value", 3)).expectStatus().isNotFound();
        client().post().uri("/api/communities/{c}/goals", community).headers(h -> h.setBearerAuth(token("grace")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"title\":").exchange().expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        client().get().uri("/api/communities/{c}/goals", UUID.randomUUID()).headers(h -> h.setBearerAuth(token("ada")))
                .exchange().expectStatus().isNotFound();

        assertThat(count("SELECT count(*) FROM goal WHERE community_id = :id", UUID.fromString(community))).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM goal_check_in WHERE goal_id = :id", UUID.fromString(goalId))).isZero();
        assertThat(count("SELECT count(*) FROM goal_check_in WHERE goal_id = :id", UUID.fromString(sessions))).isZero();
        assertThat(outboxRows(community)).isEqualTo(outbox);
    }

    @Test
    void only_the_communitys_leads_set_goals_and_check_in_while_everyone_employed_reads_them() {
        String graces = found("grace", unique("Graces Goals"), "goals");
        String adas = found("ada", unique("Adas Goals"), "goals");
        Map<String, Object> goal = Map.of("title", "Grow", "metric", "MEMBERS", "target", 20, "dueDate", TODAY.plusDays(30).toString());
        String goalId = goalId(setGoal("grace", graces, goal));

        setGoal("ada", graces, goal).expectStatus().isForbidden().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        setGoal("katherine", graces, goal).expectStatus().isForbidden();
        setGoal("grace", adas, goal).expectStatus().isForbidden();
        checkIn("ada", graces, goalId, Map.of("value", 3)).expectStatus().isForbidden();
        patchGoal("katherine", graces, goalId, null, Map.of("title", "x")).expectStatus().isForbidden();
        client().post().uri("/api/communities/{c}/goals", graces).contentType(MediaType.APPLICATION_JSON).bodyValue(goal)
                .exchange().expectStatus().isUnauthorized();
        client().get().uri("/api/communities/{c}/goals", graces).exchange().expectStatus().isUnauthorized();
        for (String reader : new String[]{"ada", "katherine", "grace"}) {
            client().get().uri("/api/communities/{c}/goals/{g}", graces, goalId).headers(h -> h.setBearerAuth(token(reader)))
                    .exchange().expectStatus().isOk();
        }
        setGoal("ada", adas, goal).expectStatus().isCreated();
        assertThat(count("SELECT count(*) FROM goal WHERE community_id = :id", UUID.fromString(graces))).isEqualTo(1);
    }

    private String status(String goalId) {
        return db.sql("SELECT status FROM goal WHERE id = :id").bind("id", UUID.fromString(goalId))
                .map(r -> r.get(0, String.class)).one().block();
    }

    private void badGoal(String community, Map<String, ?> body, String field) {
        setGoal("grace", community, body).expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo(field);
    }

    static String goalId(WebTestClient.ResponseSpec response) {
        return (String) response.expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
    }

    WebTestClient.ResponseSpec setGoal(String user, String community, Map<String, ?> body) {
        return client().post().uri("/api/communities/{c}/goals", community).headers(h -> h.setBearerAuth(token(user)))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    WebTestClient.ResponseSpec checkIn(String user, String community, String goalId, Map<String, ?> body) {
        return client().post().uri("/api/communities/{c}/goals/{g}/check-ins", community, goalId)
                .headers(h -> h.setBearerAuth(token(user))).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    WebTestClient.ResponseSpec patchGoal(String user, String community, String goalId, String ifMatch, Map<String, ?> body) {
        return client().patch().uri("/api/communities/{c}/goals/{g}", community, goalId)
                .headers(h -> {
                    h.setBearerAuth(token(user));
                    if (ifMatch != null) {
                        h.setIfMatch(ifMatch);
                    }
                })
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }
}
