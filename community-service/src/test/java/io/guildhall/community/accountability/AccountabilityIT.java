package io.guildhall.community.accountability;

import io.guildhall.community.CommunityServiceIT;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

class AccountabilityIT extends CommunityServiceIT {

    // The organisation's today: the services' clock runs in GUILDHALL_TIME_ZONE (default Europe/Berlin).
    static final LocalDate TODAY = LocalDate.now(java.time.ZoneId.of("Europe/Berlin"));

    @Test
    void leads_and_executives_see_goals_with_trajectory_cadence_flags_and_evidence() {
        String community = found("grace", unique("Accountable Guild"), "accountability");
        String blogs = setGoal(community, Map.of("title", "Blog posts", "metric", "CUSTOM", "unit", "posts", "target", 10,
                "dueDate", TODAY.plusDays(90).toString()));
        setGoal(community, Map.of("title", "Members", "metric", "MEMBERS", "target", 30, "dueDate", TODAY.plusDays(90).toString()));
        checkIn(community, blogs, 3);
        checkIn(community, blogs, 5);

        report("grace", community, "?from=" + TODAY + "&to=" + TODAY.plusDays(7)).expectStatus().isOk().expectBody()
                .jsonPath("$.goals.length()").isEqualTo(2)
                .jsonPath("$.goals[?(@.goalId=='" + blogs + "')].trajectory.length()").isEqualTo(2)
                .jsonPath("$.goals[?(@.goalId=='" + blogs + "')].valueAtEnd").isEqualTo(5.0)
                .jsonPath("$.goals[?(@.goalId=='" + blogs + "')].trend").isEqualTo("IMPROVING")
                .jsonPath("$.goals[?(@.goalId=='" + blogs + "')].checkInsInPeriod").isEqualTo(2)
                .jsonPath("$.evidence.CHECK_IN").isEqualTo(2)
                .jsonPath("$.evidence.EVENT_EVIDENCE").isEqualTo(0)
                .jsonPath("$.goalsByStatus.ON_TRACK").isEqualTo(2)
                .jsonPath("$.staleAfterWeeks").isEqualTo(2)
                .jsonPath("$.flags.length()").isEqualTo(0);
        report("katherine", community, "?from=" + TODAY + "&to=" + TODAY.plusDays(14)).expectStatus().isOk().expectBody()
                .jsonPath("$.flags.length()").isEqualTo(2)
                .jsonPath("$.flags[0].ownerId").isEqualTo(personId("grace"))
                .jsonPath("$.flags[0].weeksWithoutCheckIn").isEqualTo(2);
        report("grace", community, "").expectStatus().isOk().expectBody()
                .jsonPath("$.to").isEqualTo(TODAY.toString())
                .jsonPath("$.from").isEqualTo(TODAY.minusWeeks(13).plusDays(1).toString());
    }

    @Test
    void others_may_not_read_it_and_bad_periods_are_400() {
        String community = found("grace", unique("Private Report Guild"), "accountability");
        String adas = found("ada", unique("Ada Report Guild"), "accountability");
        report("ada", community, "").expectStatus().isForbidden().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        report("grace", adas, "").expectStatus().isForbidden();
        report("ada", adas, "").expectStatus().isOk();
        client().get().uri("/api/communities/" + community + "/accountability").exchange().expectStatus().isUnauthorized();
        report("grace", community, "?from=" + TODAY + "&to=" + TODAY.minusDays(1)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("from");
        report("grace", community, "?from=yesterday").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("from");
        report("grace", community, "?from=2020-01-01&to=2026-01-01").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("to");
        report("katherine", UUID.randomUUID().toString(), "").expectStatus().isNotFound();
    }

    private WebTestClient.ResponseSpec report(String user, String community, String query) {
        return client().get().uri("/api/communities/" + community + "/accountability" + query)
                .headers(h -> h.setBearerAuth(token(user))).exchange();
    }

    private String setGoal(String community, Map<String, ?> body) {
        return (String) client().post().uri("/api/communities/{c}/goals", community).headers(h -> h.setBearerAuth(token("grace")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id");
    }

    private void checkIn(String community, String goal, int value) {
        client().post().uri("/api/communities/{c}/goals/{g}/check-ins", community, goal).headers(h -> h.setBearerAuth(token("grace")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("value", value)).exchange().expectStatus().isCreated();
    }
}
