package io.guildhall.gateway.portal;

import io.guildhall.devstack.ServiceSpec;
import io.guildhall.testsupport.GuildhallStack;
import io.guildhall.testsupport.PortalBrowser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.util.concurrent.TimeUnit;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The communities pages against the real community and membership services (event-service is not started:
 * its sections show their unavailable state): search, a community's page with charter, lead, goal progress and
 * members count, joining and leaving in place with htmx, and a refused search value shown next to its field.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT, properties = "server.port=8080")
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 3, unit = TimeUnit.MINUTES) // a page that hangs fails instead of blocking the build
class PortalCommunitiesIT {

    static final GuildhallStack stack = GuildhallStack.shared();
    static final PortalBackends backends = PortalBackends.start(stack, ServiceSpec.COMMUNITY, ServiceSpec.MEMBERSHIP);
    static final String GATEWAY = "http://127.0.0.1:8080";
    static final String NAME = "Portal Guild " + UUID.randomUUID().toString().substring(0, 8);
    static String communityId;

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry registry) {
        registry.add("GUILDHALL_ISSUER", stack::issuerUri);
        backends.routes().forEach((variable, url) -> registry.add(variable, () -> url));
        registry.add("GUILDHALL_ROUTE_EVENT", () -> "http://127.0.0.1:" + io.guildhall.devstack.Ports.free());
    }

    @BeforeAll
    static void grace_founds_a_community_with_a_goal() {
        String community = backends.baseUrl(ServiceSpec.COMMUNITY);
        HttpResponse<String> created = api("POST", community + "/api/communities", "grace",
                "{\"name\":\"" + NAME + "\",\"description\":\"Where the portal is tested\",\"practiceArea\":\"portal-testing\","
                        + "\"charter\":{\"purpose\":\"Keep the portal honest\"}}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        Matcher id = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"").matcher(created.body());
        assertThat(id.find()).isTrue();
        communityId = id.group(1);
        HttpResponse<String> goal = api("POST", community + "/api/communities/" + communityId + "/goals", "grace",
                "{\"title\":\"Hold four sessions\",\"metric\":\"CUSTOM\",\"unit\":\"sessions\",\"baseline\":0,\"target\":4,"
                        + "\"dueDate\":\"" + LocalDate.now().plusMonths(3) + "\"}");
        assertThat(goal.statusCode()).as(goal.body()).isEqualTo(201);
    }

    @AfterAll
    static void stopServices() {
        backends.close();
    }

    // One sign-in per person for the class (PER_CLASS): Keycloak is shared by every test run on this machine.
    final java.util.Map<String, PortalBrowser> browsers = new java.util.HashMap<>();
    PortalBrowser browser;

    /** Opens {@code url} as {@code user}, signing in the first time; later calls of the test use that browser. */
    HttpResponse<String> as(String user, String url) {
        if (!browsers.containsKey(user)) {
            SignIn.Signed signed = SignIn.as(user, url);
            browsers.put(user, signed.browser());
            browser = signed.browser();
            return signed.page();
        }
        browser = browsers.get(user);
        return browser.open(url);
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
        String joined = eventually(() -> htmxPost("/communities/" + communityId + "/join"), body -> body.contains("You are a member"));
        assertThat(joined).contains("id=\"leave\"").doesNotContain("<html");

        String member = browser.open(GATEWAY + "/communities/" + communityId).body();
        assertThat(member).containsPattern("id=\"members-count\">[1-9][0-9]* members?<").contains("id=\"leads\"");
        assertThat(browser.open(GATEWAY + "/").body()).contains(NAME);

        String left = htmxPost("/communities/" + communityId + "/leave");
        assertThat(left).contains("You are not a member").contains("id=\"join\"");
    }

    @Test
    void an_htmx_action_without_the_csrf_header_is_refused() {
        as("ada", GATEWAY + "/communities/" + communityId);

        HttpResponse<String> forged = browser.send(HttpRequest.newBuilder(URI.create(GATEWAY + "/communities/" + communityId + "/join"))
                .header("HX-Request", "true").POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(forged.statusCode()).isEqualTo(403);
    }

    private String htmxPost(String path) {
        HttpResponse<String> response = browser.send(HttpRequest.newBuilder(URI.create(GATEWAY + path))
                .header("HX-Request", "true").header("HX-Current-URL", GATEWAY + "/communities/" + communityId)
                .header("X-XSRF-TOKEN", browser.cookies().value("XSRF-TOKEN"))
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(response.statusCode()).as(response.body()).isIn(200, 422);
        return response.body();
    }

    private static String eventually(java.util.function.Supplier<String> action, java.util.function.Predicate<String> done) {
        return Await.eventually(action, done);
    }

    static HttpResponse<String> api(String method, String url, String user, String json) {
        return Await.api(stack, method, url, user, json);
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
