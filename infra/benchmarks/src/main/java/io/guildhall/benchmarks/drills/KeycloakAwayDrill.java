package io.guildhall.benchmarks.drills;

import io.guildhall.benchmarks.BenchContext;
import io.guildhall.benchmarks.process.ServiceJvm;
import io.guildhall.devstack.GuildhallHome;
import io.guildhall.devstack.Keycloak;
import io.guildhall.devstack.Ports;
import io.guildhall.devstack.ServiceSpec;
import io.guildhall.devstack.TokenClient;
import io.guildhall.testsupport.PortalBrowser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.guildhall.benchmarks.report.Report.fixed;

/**
 * Drill (e): Keycloak stopped for {@code keycloak-outage=} (120) seconds while people are signed in to the portal.
 *
 * <p>The drill runs a Keycloak of its own (its data kept in {@code .guildhall/tmp/drill-keycloak}, so only the first
 * run builds it), the four services and the gateway against it, and signs ada, grace and katherine in to the portal
 * the way a browser does. Then it stops Keycloak and, every 10 s until it is started again:
 * <ul>
 *   <li>each signed-in person opens their pages: each must answer 200 on the portal, in full;</li>
 *   <li>a bearer-token caller reads and answers an RSVP through the gateway: 200;</li>
 *   <li>someone new opens the portal: they must get the portal's own "signing in is not possible right now" page
 *       (503, {@code Retry-After}), not a redirect to a login form that cannot load;</li>
 *   <li>every service JVM must still be running.</li>
 * </ul>
 * Once Keycloak is back, someone new must be able to sign in again.
 */
final class KeycloakAwayDrill {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, List<String>> PAGES = Map.of(
            "ada", List.of("/", "/events", "/communities", "/me"),
            "grace", List.of("/", "/lead", "/organiser"),
            "katherine", List.of("/", "/executive"));
    private static final String DEGRADED = "cannot be shown right now";
    private static final String SIGN_IN_UNAVAILABLE = "Signing in is not possible right now";

    private final BenchContext context;
    private final Duration outage;
    private final Duration timeout;

    KeycloakAwayDrill(BenchContext context, Duration outage, Duration timeout) {
        this.context = context;
        this.outage = outage;
        this.timeout = timeout;
    }

    DrillsBenchmark.Outcome run() throws Exception {
        GuildhallHome home = GuildhallHome.at(context.stack().home().tmp().resolve("drill-keycloak"));
        Keycloak keycloak = new Keycloak(home, Ports.free());
        long begin = System.nanoTime();
        keycloak.start();
        System.out.printf("[bench] drill keycloak-away: a Keycloak of its own on %s after %.1f s%n",
                Keycloak.url(keycloak.port()), (System.nanoTime() - begin) / 1e9);
        try {
            return drill(keycloak);
        } finally {
            keycloak.stop();
        }
    }

    private DrillsBenchmark.Outcome drill(Keycloak keycloak) throws Exception {
        String issuer = Keycloak.issuer(keycloak.port());
        Map<String, String> env = Map.of("GUILDHALL_ISSUER", issuer);
        List<ServiceJvm> services = new ArrayList<>();
        services.add(context.start(ServiceSpec.COMMUNITY, "bench_drill_kc_community", env, List.of()));
        services.add(context.start(ServiceSpec.EVENT, "bench_drill_kc_event", env, List.of()));
        services.add(context.start(ServiceSpec.MEMBERSHIP, "bench_drill_kc_membership", env, List.of()));
        services.add(context.start(ServiceSpec.ANALYTICS, "bench_drill_kc_analytics", env, List.of()));
        ServiceJvm gateway = context.start(ServiceSpec.GATEWAY, null, env,
                services.stream().map(ServiceJvm::spec).toList());
        services.add(gateway);
        String portal = gateway.baseUrl();
        allowRedirectsTo(keycloak, portal);

        // Signed in before the outage, as a browser does; and a bearer-token caller (another system, a script).
        Map<String, PortalBrowser> browsers = new LinkedHashMap<>();
        for (String person : PAGES.keySet()) {
            PortalBrowser browser = new PortalBrowser();
            HttpResponse<String> page = browser.signIn(portal + "/", person, TokenClient.DEMO_PASSWORD);
            if (page.statusCode() != 200 || !page.uri().toString().startsWith(portal)) {
                throw new IllegalStateException(person + " could not sign in: HTTP " + page.statusCode() + " at " + page.uri());
            }
            browsers.put(person, browser);
        }
        TokenClient tokens = new TokenClient(issuer);
        String sophie = tokens.accessToken("sophie", TokenClient.DEMO_PASSWORD);
        String tim = tokens.accessToken("tim", TokenClient.DEMO_PASSWORD);
        String event = schedule(portal, sophie);
        Tally before = round(portal, browsers, tim, event, false);
        if (before.failures() > 0) {
            throw new IllegalStateException("Before the outage already: " + before);
        }

        System.out.printf("[bench] stopping Keycloak for %d s%n", outage.toSeconds());
        keycloak.stop();
        long stoppedAt = System.nanoTime();
        Tally during = new Tally();
        boolean alive = true;
        while (System.nanoTime() - stoppedAt < outage.toNanos()) {
            Thread.sleep(Math.min(10_000, Math.max(1, (outage.toNanos() - (System.nanoTime() - stoppedAt)) / 1_000_000)));
            during.add(round(portal, browsers, tim, event, true));
            alive &= services.stream().allMatch(ServiceJvm::isAlive);
            System.out.printf("[bench] Keycloak away %.0f s: %s%n", (System.nanoTime() - stoppedAt) / 1e9, during);
        }

        long restarting = System.nanoTime();
        keycloak.start();
        double away = (System.nanoTime() - stoppedAt) / 1e9;
        double startTook = (System.nanoTime() - restarting) / 1e9;
        // Someone new signs in once Keycloak answers again (the gateway asks it again after at most 5 s).
        long deadline = System.nanoTime() + timeout.toNanos();
        double signInAgain = Double.NaN;
        while (System.nanoTime() < deadline) {
            PortalBrowser fresh = new PortalBrowser();
            HttpResponse<String> first = fresh.open(portal + "/events");
            if (first.uri().toString().startsWith(issuer)) {
                HttpResponse<String> page = fresh.signIn(portal + "/events", "barbara", TokenClient.DEMO_PASSWORD);
                if (page.statusCode() == 200 && page.uri().toString().equals(portal + "/events")) {
                    signInAgain = (System.nanoTime() - restarting) / 1e9 - startTook;
                    break;
                }
            }
            Thread.sleep(500);
        }
        Tally after = round(portal, browsers, tim, event, false);
        alive &= services.stream().allMatch(ServiceJvm::isAlive);
        boolean passed = alive && during.failures() == 0 && during.rounds > 0 && after.failures() == 0
                && !Double.isNaN(signInAgain);
        for (ServiceJvm service : services) {
            service.close();
        }
        return new DrillsBenchmark.Outcome("(e) keycloak-away", "Keycloak stopped for " + fixed(away, 0)
                + " s (" + outage.toSeconds() + " s, then " + fixed(startTook, 0) + " s to start); while away, "
                + during.rounds + " rounds: signed-in pages " + during.pagesOk + " of " + during.pages + " whole"
                + (during.pageFailures.isEmpty() ? "" : " (" + String.join("; ", during.pageFailures) + ")")
                + "; bearer-token API calls " + during.apiOk + " of " + during.api + " answered 200; new sign-ins "
                + during.clearPage + " of " + during.signIns + " got the portal's 503 page"
                + (during.signInFailures.isEmpty() ? "" : " (" + String.join("; ", during.signInFailures) + ")")
                + "; services " + (alive ? "all stayed up" : "NOT ALL UP"),
                during.pages + during.api, during.pagesOk + during.apiOk,
                (during.pages - during.pagesOk) + (during.api - during.apiOk), 0,
                Double.isNaN(signInAgain) ? "NO NEW SIGN-IN after Keycloak came back"
                        : "a new sign-in worked " + fixed(signInAgain, 1) + " s after Keycloak was ready", passed);
    }

    /** What one round of visits found. */
    private static final class Tally {
        int rounds;
        int pages;
        int pagesOk;
        int api;
        int apiOk;
        int signIns;
        int clearPage;
        final List<String> pageFailures = new ArrayList<>();
        final List<String> signInFailures = new ArrayList<>();

        int failures() {
            return (pages - pagesOk) + (api - apiOk) + (signIns - clearPage);
        }

        void add(Tally other) {
            rounds += other.rounds;
            pages += other.pages;
            pagesOk += other.pagesOk;
            api += other.api;
            apiOk += other.apiOk;
            signIns += other.signIns;
            clearPage += other.clearPage;
            pageFailures.addAll(other.pageFailures);
            signInFailures.addAll(other.signInFailures);
        }

        @Override
        public String toString() {
            return rounds + " rounds, pages " + pagesOk + "/" + pages + ", API " + apiOk + "/" + api
                    + ", clear sign-in page " + clearPage + "/" + signIns;
        }
    }

    private Tally round(String portal, Map<String, PortalBrowser> browsers, String bearer, String event,
                        boolean keycloakAway) throws Exception {
        Tally tally = new Tally();
        tally.rounds = 1;
        for (Map.Entry<String, PortalBrowser> signedIn : browsers.entrySet()) {
            for (String path : PAGES.get(signedIn.getKey())) {
                tally.pages++;
                HttpResponse<String> page = signedIn.getValue().open(portal + path);
                boolean whole = page.statusCode() == 200 && page.uri().toString().equals(portal + path)
                        && !page.body().contains(DEGRADED) && !page.body().contains(SIGN_IN_UNAVAILABLE);
                if (whole) {
                    tally.pagesOk++;
                } else if (tally.pageFailures.size() < 5) {
                    tally.pageFailures.add(signedIn.getKey() + " " + path + ": HTTP " + page.statusCode() + " at "
                            + page.uri() + (page.body().contains(DEGRADED) ? " (a section missing)" : ""));
                }
            }
        }
        HttpClient http = HttpClient.newHttpClient();
        for (HttpRequest request : List.of(
                HttpRequest.newBuilder(URI.create(portal + "/api/events/" + event)).header("Authorization", "Bearer " + bearer)
                        .timeout(Duration.ofSeconds(30)).GET().build(),
                HttpRequest.newBuilder(URI.create(portal + "/api/events/" + event + "/rsvp"))
                        .header("Authorization", "Bearer " + bearer).header("Content-Type", "application/json")
                        .timeout(Duration.ofSeconds(30))
                        .PUT(HttpRequest.BodyPublishers.ofString(keycloakAway ? "{\"status\":\"GOING\"}"
                                : "{\"status\":\"NOT_GOING\"}")).build())) {
            tally.api++;
            if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                tally.apiOk++;
            }
        }
        if (keycloakAway) {
            tally.signIns++;
            try {
                HttpResponse<String> page = new PortalBrowser().open(portal + "/events");
                boolean clear = page.statusCode() == 503 && page.uri().toString().startsWith(portal)
                        && page.headers().firstValue("Retry-After").isPresent() && page.body().contains(SIGN_IN_UNAVAILABLE);
                if (clear) {
                    tally.clearPage++;
                } else if (tally.signInFailures.size() < 5) {
                    tally.signInFailures.add("HTTP " + page.statusCode() + " at " + page.uri());
                }
            } catch (RuntimeException e) {
                // The browser was sent to Keycloak itself, which cannot answer.
                tally.signInFailures.add(e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }
        return tally;
    }

    /** sophie (the events team) schedules an event in a week through the gateway; returns its id. */
    private static String schedule(String portal, String token) throws Exception {
        java.time.Instant start = java.time.Instant.now().plus(Duration.ofDays(7)).truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        String body = JSON.writeValueAsString(Map.of("title", "Keycloak drill", "type", "TRAINING", "format", "IN_PERSON",
                "location", "Drill room", "startsAt", start.toString(), "endsAt", start.plus(Duration.ofHours(1)).toString(),
                "timeZone", "Europe/Berlin", "capacity", 10));
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(portal + "/api/events"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("Scheduling the drill's event: HTTP " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body()).get("id").asString();
    }

    /** The drill's gateway runs on a free port: the drill's own realm accepts it as a sign-in redirect. */
    private static void allowRedirectsTo(Keycloak keycloak, String portal) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String base = Keycloak.url(keycloak.port());
        String form = "grant_type=password&client_id=admin-cli&username=" + Keycloak.ADMIN_USERNAME + "&password="
                + URLEncoder.encode(Keycloak.ADMIN_PASSWORD, StandardCharsets.UTF_8);
        String admin = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(base + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString()).body()).get("access_token").asString();
        String clients = base + "/admin/realms/" + Keycloak.REALM + "/clients";
        JsonNode found = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(clients + "?clientId=guildhall-gateway"))
                .header("Authorization", "Bearer " + admin).GET().build(), HttpResponse.BodyHandlers.ofString()).body());
        ObjectNode client = (ObjectNode) found.get(0);
        ArrayNode redirects = (ArrayNode) client.get("redirectUris");
        redirects.add(portal + "/*");
        HttpResponse<String> updated = http.send(HttpRequest.newBuilder(URI.create(clients + "/" + client.get("id").asString()))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(client))).build(), HttpResponse.BodyHandlers.ofString());
        if (updated.statusCode() / 100 != 2) {
            throw new IllegalStateException("Adding " + portal + " to the gateway client's redirects: HTTP "
                    + updated.statusCode() + " " + updated.body());
        }
    }
}
