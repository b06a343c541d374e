package io.guildhall.gateway.portal;

import io.guildhall.devstack.ServiceSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The communities pages against the real community and membership services (event-service is not started:
 * its sections show their unavailable state): search, a community's page with charter, lead, goal progress and
 * members count, joining and leaving in place with htmx, and a refused search value shown next to its field;
 * a community that admits by request: the lead sees the asker by name, declines with a reason (none is refused
 * at the reason field), the asker sees the decline and its reason, asks again and is approved.
 */
class PortalCommunitiesIT extends SignedInPortal {

    static final PortalBackends backends = PortalBackends.routing(stack, ServiceSpec.COMMUNITY, ServiceSpec.MEMBERSHIP);
    static final String NAME = "Portal Guild " + UUID.randomUUID().toString().substring(0, 8);
    static String communityId;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        backends.register(registry);
    }

    @BeforeAll
    static void grace_founds_a_community_with_a_goal() {
        String community = backends.baseUrl(ServiceSpec.COMMUNITY);
        communityId = found(community, "grace", "{\"name\":\"" + NAME + "\",\"description\":\"Where the portal is tested\","
                + "\"practiceArea\":\"portal-testing\",\"charter\":{\"purpose\":\"Keep the portal honest\"}}");
        HttpResponse<String> goal = Await.api(stack, "POST", community + "/api/communities/" + communityId + "/goals", "grace",
                "{\"title\":\"Hold four sessions\",\"metric\":\"CUSTOM\",\"unit\":\"sessions\",\"baseline\":0,\"target\":4,"
                        + "\"dueDate\":\"" + LocalDate.now().plusMonths(3) + "\"}");
        assertThat(goal.statusCode()).as(goal.body()).isEqualTo(201);
    }

    @Test
    void ada_finds_the_community_by_text_and_htmx_gets_only_the_results() {
        HttpResponse<String> page = as("ada", GATEWAY + "/communities?q=" + encode(NAME));

        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("<h1>Communities</h1>").contains(NAME).contains("portal-testing")
                .contains("value=\"" + NAME + "\"");

        HttpResponse<String> results = browser.send(HttpRequest.newBuilder(URI.create(GATEWAY + "/communities?q=" + encode(NAME)))
                .header("HX-Request", "true").GET());
        assertThat(results.statusCode()).isEqualTo(200);
        assertThat(results.body()).contains("id=\"community-results\"").contains(NAME).doesNotContain("<html");
    }

    @Test
    void a_search_the_service_refuses_shows_the_message_at_the_field_and_keeps_the_text() {
        String tooLong = "x".repeat(101);
        HttpResponse<String> page = as("ada", GATEWAY + "/communities?q=" + tooLong);

        assertThat(page.statusCode()).isEqualTo(422);
        assertThat(page.body()).contains("id=\"f-q-error\"").contains("aria-invalid=\"true\"").contains("value=\"" + tooLong + "\"");
    }

    @Test
    void the_community_page_shows_charter_lead_goal_progress_and_members_and_ada_joins_and_leaves_in_place() {
        HttpResponse<String> page = as("ada", GATEWAY + "/communities/" + communityId);

        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("<h1>" + NAME + "</h1>").contains("Keep the portal honest")
                .contains("Hold four sessions").contains("<progress").contains("class=\"status status--")
                .doesNotContain("<strong>Goals</strong> cannot be shown")
                .contains("<strong>Upcoming events</strong> cannot be shown right now");

        // membership-service learns of the community from Kafka: join as soon as it knows it.
        String joined = Await.eventually(() -> membershipAction("join"), body -> body.contains("You are a member"));
        assertThat(joined).contains("id=\"leave\"").doesNotContain("<html");

        String member = browser.open(GATEWAY + "/communities/" + communityId).body();
        assertThat(member).containsPattern("id=\"members-count\">[1-9][0-9]* members?<").contains("id=\"leads\"");
        assertThat(browser.open(GATEWAY + "/").body()).contains(NAME);

        String left = membershipAction("leave");
        assertThat(left).contains("You are not a member").contains("id=\"join\"");
    }

    @Test
    void an_htmx_action_without_the_csrf_header_is_refused() {
        as("ada", GATEWAY + "/communities/" + communityId);

        HttpResponse<String> forged = browser.send(HttpRequest.newBuilder(URI.create(GATEWAY + "/communities/" + communityId + "/join"))
                .header("HX-Request", "true").POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(forged.statusCode()).isEqualTo(403);
    }

    @Test
    void a_request_to_join_is_declined_with_the_reason_shown_to_the_asker_then_approved() {
        String asking = found(backends.baseUrl(ServiceSpec.COMMUNITY), "grace", "{\"name\":\"Asked " + NAME
                + "\",\"description\":\"Admits by request\",\"practiceArea\":\"portal-testing\",\"visibility\":\"REQUEST_TO_JOIN\"}");
        String page = "/communities/" + asking;
        String desk = "/lead/communities/" + asking;
        as("ada", GATEWAY + page);
        String pending = Await.eventually(() -> post(page + "/join", Map.of(), true, page).body(),
                body -> body.contains("waiting for a lead's decision"));
        assertThat(pending).doesNotContain("id=\"join\"");

        as("grace", GATEWAY + desk);
        String requests = browser.open(GATEWAY + desk).body();
        assertThat(requests).contains("Ada Lovelace");
        Matcher request = Pattern.compile("id=\"request-([0-9a-f-]{36})\"").matcher(requests);
        assertThat(request.find()).as(requests).isTrue();
        String decline = desk + "/requests/" + request.group(1) + "/decline";

        HttpResponse<String> refused = post(decline, Map.of("reason", " "), true, desk);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("id=\"f-reason-" + request.group(1) + "-error\"").contains("Say why, so that the person knows")
                .contains("aria-invalid=\"true\"").doesNotContain("<html");
        HttpResponse<String> declined = post(decline, Map.of("reason", "Full until spring"), true, desk);
        assertThat(declined.statusCode()).as(declined.body()).isEqualTo(200);
        assertThat(declined.body()).contains("No requests waiting.");

        as("ada", GATEWAY + page);
        String seen = browser.open(GATEWAY + page).body();
        assertThat(seen).contains("Your request to join was declined").contains("Full until spring").contains("id=\"join\"");
        assertThat(post(page + "/join", Map.of(), true, page).body()).contains("waiting for a lead's decision");

        as("grace", GATEWAY + desk);
        String askedAgain = browser.open(GATEWAY + desk).body();
        Matcher again = Pattern.compile("id=\"request-([0-9a-f-]{36})\"").matcher(askedAgain);
        assertThat(again.find()).as(askedAgain).isTrue();
        HttpResponse<String> approved = post(desk + "/requests/" + again.group(1) + "/approve", Map.of(), false, desk);
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(303);
        as("ada", GATEWAY + page);
        assertThat(browser.open(GATEWAY + page).body()).contains("You are a member.");
    }

    private String membershipAction(String action) {
        HttpResponse<String> response = post("/communities/" + communityId + "/" + action, Map.of(), true,
                "/communities/" + communityId);
        assertThat(response.statusCode()).as(response.body()).isIn(200, 422);
        return response.body();
    }
}
