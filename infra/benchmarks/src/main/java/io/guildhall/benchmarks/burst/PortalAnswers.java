package io.guildhall.benchmarks.burst;

import io.guildhall.benchmarks.stats.LatencySamples;
import io.guildhall.testsupport.PortalBrowser;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.guildhall.benchmarks.report.Report.fixed;

/**
 * Some of a burst's people answer in the portal, as a person clicking "I am going" on the event page does: each signed
 * in beforehand through Keycloak's login form (a browser over plain HTTP, {@link PortalBrowser}), then, when the
 * burst starts, the button's htmx post ({@code POST /events/{id}/rsvp}, CSRF header, {@code HX-Request}) through the
 * gateway, whose answer is the RSVP box. What counts is what the box then says: "You are going." or "You are on the
 * waitlist: position N." is the person's answer; anything else (a refusal, "unavailable", an error page) is not.
 *
 * <p>The portal signs in only on the redirect URIs the realm lists: the benchmark's gateway runs on
 * {@value #PORT}, the one the gateway module's ITs use (never at the same time as a benchmark).
 */
final class PortalAnswers {

    static final int PORT = 18090;
    private static final Pattern GOING = Pattern.compile("You are going\\.");
    private static final Pattern WAITLISTED = Pattern.compile("You are on the waitlist: position (\\d+)\\.");

    /** What one person's click brought back. */
    record Shown(int status, long nanos, String answer, Integer position, String otherwise) {

        boolean showsAnswer() {
            return answer != null;
        }
    }

    private final String gateway;
    private final List<PortalBrowser> browsers;

    private PortalAnswers(String gateway, List<PortalBrowser> browsers) {
        this.gateway = gateway;
        this.browsers = browsers;
    }

    /** Signs each of these bench users in on the event's page (not measured: a day's sign-ins, not the burst's). */
    static PortalAnswers signIn(String gateway, String eventId, List<String> usernames) {
        List<PortalBrowser> browsers = new ArrayList<>();
        for (String username : usernames) {
            PortalBrowser browser = new PortalBrowser();
            HttpResponse<String> page = browser.signIn(gateway + "/events/" + eventId, username, BenchUsers.PASSWORD);
            if (page.statusCode() != 200 || !page.body().contains("id=\"rsvp\"")) {
                throw new IllegalStateException(username + " could not open the event page in the portal: HTTP "
                        + page.statusCode() + " at " + page.uri());
            }
            browsers.add(browser);
        }
        return new PortalAnswers(gateway, browsers);
    }

    int size() {
        return browsers.size();
    }

    /** Everyone clicks at once, each on a thread of their own (a browser waits for its answer). */
    List<CompletableFuture<Shown>> clickGoing(String eventId, ExecutorService pool) {
        List<CompletableFuture<Shown>> clicks = new ArrayList<>();
        for (PortalBrowser browser : browsers) {
            clicks.add(CompletableFuture.supplyAsync(() -> click(browser, eventId), pool));
        }
        return clicks;
    }

    static ExecutorService pool(int size) {
        return Executors.newFixedThreadPool(Math.max(1, size), task -> {
            Thread thread = new Thread(task, "portal-click");
            thread.setDaemon(true);
            return thread;
        });
    }

    private Shown click(PortalBrowser browser, String eventId) {
        String page = "/events/" + eventId;
        long begin = System.nanoTime();
        try {
            HttpResponse<String> response = browser.send(HttpRequest.newBuilder(URI.create(gateway + page + "/rsvp"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("X-XSRF-TOKEN", browser.cookies().value("XSRF-TOKEN"))
                    .header("HX-Request", "true").header("HX-Current-URL", gateway + page)
                    .POST(HttpRequest.BodyPublishers.ofString("status=GOING")));
            long took = System.nanoTime() - begin;
            String body = response.body();
            if (response.statusCode() == 200 && GOING.matcher(body).find()) {
                return new Shown(200, took, "GOING", null, null);
            }
            Matcher waitlisted = WAITLISTED.matcher(body);
            if (response.statusCode() == 200 && waitlisted.find()) {
                return new Shown(200, took, "WAITLISTED", Integer.parseInt(waitlisted.group(1)), null);
            }
            String text = body.replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").trim();
            return new Shown(response.statusCode(), took, null, null, text.substring(0, Math.min(160, text.length())));
        } catch (RuntimeException e) {
            return new Shown(-1, System.nanoTime() - begin, null, null, e.toString());
        }
    }

    /** One line for the report: how many saw their answer, the statuses, the latencies, what the others saw. */
    static String describe(List<Shown> shown) {
        if (shown.isEmpty()) {
            return "—";
        }
        LatencySamples latencies = new LatencySamples();
        Map<Integer, Integer> statuses = new TreeMap<>();
        long going = 0;
        long waitlisted = 0;
        List<String> otherwise = new ArrayList<>();
        for (Shown s : shown) {
            latencies.add(s.nanos());
            statuses.merge(s.status(), 1, Integer::sum);
            if ("GOING".equals(s.answer())) {
                going++;
            } else if ("WAITLISTED".equals(s.answer())) {
                waitlisted++;
            } else if (otherwise.size() < 3) {
                otherwise.add("\"" + s.otherwise() + "\"");
            }
        }
        long answered = going + waitlisted;
        return answered + " of " + shown.size() + " saw their answer (" + going + " going, " + waitlisted
                + " on the waitlist), HTTP " + statuses + ", p50 " + fixed(latencies.percentileMillis(50), 0)
                + " ms, p99 " + fixed(latencies.percentileMillis(99), 0) + " ms"
                + (otherwise.isEmpty() ? "" : "; others saw " + String.join(", ", otherwise));
    }
}
