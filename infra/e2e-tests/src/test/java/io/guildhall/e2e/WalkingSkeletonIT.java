package io.guildhall.e2e;

import io.guildhall.devstack.ServiceProcess;
import io.guildhall.devstack.ServiceSpec;
import io.guildhall.testsupport.GuildhallStack;
import io.guildhall.testsupport.PortalBrowser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The walking skeleton, end to end, with every service packaged and running as its own process against
 * the real PostgreSQL, Kafka and Keycloak: grace founds a community through the gateway; community-service
 * stores it with its outbox row; the relay publishes it to Kafka; analytics-service (Micronaut) consumes it
 * and serves it from its own database, read back through the gateway.
 */
@ExtendWith(PlatformExtension.class)
class WalkingSkeletonIT {

    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static GuildhallStack stack;
    static List<ServiceProcess> running;
    static ServiceSpec gateway;

    @BeforeAll
    static void platform(Platform platform) {
        stack = platform.stack();
        running = platform.services();
        gateway = platform.gateway();
    }

    @Test
    void a_community_founded_through_the_gateway_reaches_analytics_through_kafka() throws Exception {
        String name = "Observability Guild " + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(gateway.baseUrl() + "/api/communities"))
                .header("Authorization", "Bearer " + stack.accessToken("grace"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + name
                        + "\",\"description\":\"Logs, metrics and traces\",\"practiceArea\":\"observability\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, created.statusCode(), created.body());
        String id = field(created.body(), "id");

        // The founder is its first lead: once analytics has consumed the founding, grace may read its report.
        Instant deadline = Instant.now().plusSeconds(60);
        HttpResponse<String> seen;
        do {
            seen = get("/api/analytics/communities/" + id, "grace");
            if (seen.statusCode() == 200) {
                break;
            }
            Thread.sleep(250);
        } while (Instant.now().isBefore(deadline));
        assertEquals(200, seen.statusCode(), "analytics never served the community's report: " + seen.body());
        assertEquals(name, field(seen.body(), "name"));
        assertEquals(403, get("/api/analytics/communities/" + id, "ada").statusCode(),
                "a community's report is for its leads and executives only");
    }

    /**
     * Every metric the alerting rules watch and the dashboard draws is one a service exports: a rename cannot
     * silently disarm an alert or blank a panel.
     */
    @Test
    void the_alert_rules_and_the_dashboard_read_metrics_that_the_services_export() throws Exception {
        Path observability = Path.of(System.getProperty("basedir", ".")).resolve("../observability");
        String alerts = Files.readString(observability.resolve("prometheus/guildhall-alerts.yml"));
        Set<String> watched = new java.util.TreeSet<>();
        // The expressions only (comments and annotations may name other things).
        for (String line : alerts.lines().filter(line -> line.strip().startsWith("expr:")).toList()) {
            watched.addAll(PromQl.metricNames(line.strip().substring("expr:".length())));
        }
        assertTrue(watched.size() >= 3, "the alert rules name the metrics they watch: " + watched);
        String dashboard = Files.readString(observability.resolve("grafana/guildhall-dashboard.json"));
        Matcher expr = Pattern.compile("\"expr\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(dashboard);
        int queries = 0;
        while (expr.find()) {
            watched.addAll(PromQl.metricNames(expr.group(1).replace("\\\"", "\"")));
            queries++;
        }
        assertTrue(queries >= 15, "the dashboard's queries: " + queries);
        // Consumers count records as they consume them: found a community, so that something is consumed.
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(gateway.baseUrl() + "/api/communities"))
                .header("Authorization", "Bearer " + stack.accessToken("grace"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Alerting Guild " + UUID.randomUUID().toString()
                        .substring(0, 8) + "\",\"description\":\"Pages and tickets\",\"practiceArea\":\"operations\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, created.statusCode(), created.body());
        List<String> missing = List.copyOf(watched);
        Instant deadline = Instant.now().plusSeconds(60);
        while (!missing.isEmpty() && Instant.now().isBefore(deadline)) {
            StringBuilder exported = new StringBuilder();
            for (ServiceProcess service : running) {
                boolean micronaut = service.spec().module().equals("analytics-service");
                exported.append(anonymous(service.spec().baseUrl() + (micronaut ? "/prometheus" : "/actuator/prometheus")).body());
            }
            missing = watched.stream().filter(name -> !exported.toString().contains("\n" + name)).toList();
            if (!missing.isEmpty()) {
                Thread.sleep(500);
            }
        }
        assertTrue(missing.isEmpty(), "the alert rules or the dashboard read " + missing + ", which no service exports");
    }

    @Test
    void every_service_is_healthy_and_exposes_metrics_and_openapi_and_the_gateway_demands_a_token() throws Exception {
        for (ServiceProcess service : running) {
            String module = service.spec().module();
            HttpResponse<String> health = anonymous(service.spec().healthUrl());
            assertEquals(200, health.statusCode(), module);
            assertTrue(health.body().contains("UP"), module + ": " + health.body());
            boolean micronaut = module.equals("analytics-service");
            HttpResponse<String> metrics = anonymous(service.spec().baseUrl() + (micronaut ? "/prometheus" : "/actuator/prometheus"));
            assertEquals(200, metrics.statusCode(), module + " metrics");
            assertTrue(metrics.body().contains("jvm_memory_used_bytes"), module + " metrics");
            if (!module.equals("gateway")) {
                HttpResponse<String> openApi = anonymous(service.spec().baseUrl()
                        + (micronaut ? "/swagger/analytics-service.yml" : "/v3/api-docs"));
                assertEquals(200, openApi.statusCode(), module + " OpenAPI");
                assertTrue(openApi.body().contains("openapi"), module + " OpenAPI: " + openApi.body());
            }
        }
        for (String service : List.of("community", "event", "membership", "analytics")) {
            HttpResponse<String> docs = anonymous(gateway.baseUrl() + "/api-docs/" + service);
            assertEquals(200, docs.statusCode(), "API docs of " + service + " through the gateway");
            assertTrue(docs.body().contains("openapi"), service + ": " + docs.body());
        }
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(URI.create(gateway.baseUrl() + "/api/communities"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, anonymous.statusCode());
        assertTrue(anonymous.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        HttpResponse<String> anonymousWrite = http.send(HttpRequest.newBuilder(URI.create(gateway.baseUrl() + "/api/communities"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, anonymousWrite.statusCode(), anonymousWrite.body());
    }

    @Test
    void a_portal_session_reaches_the_services_with_the_relayed_token_and_never_holds_the_token() {
        PortalBrowser browser = new PortalBrowser();
        HttpResponse<String> session = browser.signIn(gateway.baseUrl() + "/session", "katherine", "demo");
        assertEquals(200, session.statusCode(), session.body());

        HttpResponse<String> communities = browser.open(gateway.baseUrl() + "/api/communities");
        assertEquals(200, communities.statusCode(), communities.body());
        HttpResponse<String> analytics = browser.open(gateway.baseUrl() + "/api/analytics/communities");
        assertEquals(200, analytics.statusCode(), analytics.body());

        // A write from the session needs the CSRF token the portal's pages echo.
        HttpResponse<String> forged = browser.send(HttpRequest.newBuilder(URI.create(gateway.baseUrl() + "/api/communities"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Forged\",\"description\":\"x\",\"practiceArea\":\"x\"}")));
        assertEquals(403, forged.statusCode());
        HttpResponse<String> created = browser.send(HttpRequest.newBuilder(URI.create(gateway.baseUrl() + "/api/communities"))
                .header("Content-Type", "application/json")
                .header("X-XSRF-TOKEN", browser.cookies().value("XSRF-TOKEN"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Portal Circle " + UUID.randomUUID().toString().substring(0, 8)
                        + "\",\"description\":\"From the portal\",\"practiceArea\":\"portal\"}")));
        assertEquals(201, created.statusCode(), created.body());
    }

    @Test
    void a_lead_runs_a_community_end_to_end_through_the_gateway() throws Exception {
        String grace = stack.accessToken("grace");
        String name = "Testing Guild " + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> founded = call("POST", "/api/communities", grace, null,
                "{\"name\":\"" + name + "\",\"description\":\"Tests that matter\",\"practiceArea\":\"testing\"}");
        assertEquals(201, founded.statusCode(), founded.body());
        String id = field(founded.body(), "id");
        String etag = founded.headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> chartered = call("PATCH", "/api/communities/" + id, grace, etag,
                "{\"purpose\":\"Make our tests worth running\"}");
        assertEquals(200, chartered.statusCode(), chartered.body());
        assertEquals(412, call("PATCH", "/api/communities/" + id, grace, etag, "{\"description\":\"stale\"}").statusCode());
        assertEquals(403, call("PATCH", "/api/communities/" + id, stack.accessToken("katherine"), null,
                "{\"description\":\"not a lead\"}").statusCode());

        String adaId = stack.personId("ada");
        HttpResponse<String> coLead = call("POST", "/api/communities/" + id + "/leads/" + adaId, grace, null, null);
        assertTrue(coLead.statusCode() / 100 == 2, coLead.body());

        HttpResponse<String> goal = call("POST", "/api/communities/" + id + "/goals", grace, null,
                "{\"title\":\"Publish testing guides\",\"metric\":\"CUSTOM\",\"unit\":\"guides\",\"baseline\":0,"
                        + "\"target\":4,\"dueDate\":\"" + java.time.LocalDate.now().plusMonths(3) + "\"}");
        assertEquals(201, goal.statusCode(), goal.body());
        String goalId = field(goal.body(), "id");
        HttpResponse<String> checkIn = call("POST", "/api/communities/" + id + "/goals/" + goalId + "/check-ins",
                stack.accessToken("ada"), null, "{\"value\":1,\"comment\":\"First guide is out\"}");
        assertTrue(checkIn.statusCode() / 100 == 2, checkIn.body());

        HttpResponse<String> report = call("GET", "/api/communities/" + id + "/accountability", stack.accessToken("katherine"), null, null);
        assertEquals(200, report.statusCode(), report.body());
        assertTrue(report.body().contains(goalId), report.body());
        // ada, now a co-lead, reads it too and sees her own check-in.
        HttpResponse<String> asCoLead = call("GET", "/api/communities/" + id + "/accountability", stack.accessToken("ada"), null, null);
        assertEquals(200, asCoLead.statusCode(), asCoLead.body());
    }

    private static HttpResponse<String> call(String method, String path, String token, String ifMatch, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway.baseUrl() + path))
                .header("Authorization", "Bearer " + token)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }


    private static HttpResponse<String> anonymous(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String path, String user) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(gateway.baseUrl() + path))
                .header("Authorization", "Bearer " + stack.accessToken(user)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String field(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        if (!matcher.find()) {
            fail("No " + name + " in " + json);
        }
        return matcher.group(1);
    }
}
