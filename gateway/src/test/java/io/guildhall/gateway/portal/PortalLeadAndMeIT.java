package io.guildhall.gateway.portal;

import io.guildhall.devstack.ServiceSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lead's and the employee's own pages against the real community and membership services (analytics-service
 * is not started: its sections show their unavailable state): a lead sets a goal (a refused form keeps what was
 * typed and shows each message at its field), checks in with htmx, reads the accountability report; an employee
 * logs, and deletes, a contribution, and finds the data export.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES) // includes waiting for membership-service to learn of the community
class PortalLeadAndMeIT extends SignedInPortal {

    static final PortalBackends backends = PortalBackends.routing(stack, ServiceSpec.COMMUNITY, ServiceSpec.MEMBERSHIP);
    static final String NAME = "Lead Desk " + UUID.randomUUID().toString().substring(0, 8);
    static String communityId;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        backends.register(registry);
    }

    @BeforeAll
    static void grace_founds_a_community() {
        communityId = found(backends.baseUrl(ServiceSpec.COMMUNITY), "grace",
                "{\"name\":\"" + NAME + "\",\"description\":\"Goals and check-ins\",\"practiceArea\":\"portal-testing\"}");
    }

    @Test
    void a_lead_sets_a_goal_after_a_refusal_that_kept_the_form_then_checks_in_and_reads_the_report() {
        as("grace", GATEWAY + "/lead/communities/" + communityId);

        HttpResponse<String> refused = post("/lead/communities/" + communityId + "/goals", Map.of(
                "title", "Run four sessions", "metric", "CUSTOM", "unit", "sessions", "baseline", "0", "target", "many",
                "dueDate", LocalDate.now().plusMonths(2).toString()), false, "/lead/communities/" + communityId);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        assertThat(refused.body()).contains("id=\"f-target-error\"").contains("value=\"Run four sessions\"")
                .contains("value=\"many\"");

        HttpResponse<String> set = post("/lead/communities/" + communityId + "/goals", Map.of(
                "title", "Run four sessions", "metric", "CUSTOM", "unit", "sessions", "baseline", "0", "target", "4",
                "dueDate", LocalDate.now().plusMonths(2).toString()), false, "/lead/communities/" + communityId);
        assertThat(set.statusCode()).as(set.body()).isEqualTo(303);
        String page = browser.open(GATEWAY + "/lead/communities/" + communityId).body();
        assertThat(page).contains("Run four sessions");
        Matcher goal = Pattern.compile("id=\"goal-([0-9a-f-]{36})\"").matcher(page);
        assertThat(goal.find()).isTrue();
        String checkIns = "/lead/communities/" + communityId + "/goals/" + goal.group(1) + "/check-ins";

        HttpResponse<String> badCheckIn = post(checkIns, Map.of("value", "two"), true, "/lead/communities/" + communityId);
        assertThat(badCheckIn.statusCode()).isEqualTo(422);
        assertThat(badCheckIn.body()).contains("field-error").contains("value=\"two\"").doesNotContain("<html");

        HttpResponse<String> checkedIn = post(checkIns, Map.of("value", "2", "comment", "halfway"), true, "/lead/communities/" + communityId);
        assertThat(checkedIn.statusCode()).as(checkedIn.body()).isEqualTo(200);
        assertThat(checkedIn.body()).contains("Check-in saved").contains("(50 %)");

        HttpResponse<String> report = browser.open(GATEWAY + "/lead/communities/" + communityId + "/accountability");
        assertThat(report.statusCode()).as(report.body()).isEqualTo(200);
        assertThat(report.body()).contains("id=\"accountability-goals\"").contains("Run four sessions").contains("data-chart=")
                // whole amounts as people write them, progress on a 0-100 axis, the period in the inputs
                .contains("<td class=\"number\">4</td>").doesNotContain(">4.00<")
                .contains("&quot;min&quot;:0").contains("&quot;max&quot;:100")
                .containsPattern("id=\"f-from\"[^>]*value=\"\\d{4}-\\d{2}-\\d{2}\"|value=\"\\d{4}-\\d{2}-\\d{2}\"[^>]*id=\"f-from\"")
                .contains("id=\"h-evidence\"").doesNotContain("Every open goal has a recent check-in");
    }

    @Test
    void an_employee_logs_a_contribution_after_a_refusal_and_deletes_it_in_place() {
        // Contributions are logged against a community of mine; membership-service learns of it from Kafka.
        Await.eventually(() -> Await.api(stack, "POST", backends.baseUrl(ServiceSpec.MEMBERSHIP) + "/api/communities/" + communityId + "/members",
                "ada", null).statusCode() + "", status -> status.equals("201") || status.equals("409"));

        HttpResponse<String> me = as("ada", GATEWAY + "/me");
        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        assertThat(me.body()).contains("id=\"participation-unavailable\"").contains("id=\"contribution-form\"")
                .contains("href=\"/api/people/me/export\"").contains(NAME);

        Map<String, String> entry = new LinkedHashMap<>(Map.of("communityId", communityId, "kind", "MENTORING",
                "date", LocalDate.now().toString(), "minutes", "an hour", "note", "pairing on htmx"));
        HttpResponse<String> refused = post("/me/contributions", entry, true, "/me");
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("id=\"f-minutes-error\"").contains("value=\"an hour\"").contains("value=\"pairing on htmx\"");

        entry.put("minutes", "45");
        HttpResponse<String> logged = post("/me/contributions", entry, true, "/me");
        assertThat(logged.statusCode()).as(logged.body()).isEqualTo(200);
        assertThat(logged.body()).contains("Logged.").contains("pairing on htmx");
        Matcher row = Pattern.compile("id=\"contribution-([0-9a-f-]{36})\"").matcher(logged.body());
        assertThat(row.find()).isTrue();

        HttpResponse<String> deleted = post("/me/contributions/" + row.group(1) + "/delete", Map.of(), true, "/me");
        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(200);
        assertThat(deleted.body()).contains("Deleted.").doesNotContain("id=\"contribution-" + row.group(1) + "\"");
    }
}
