package io.guildhall.e2e;

import com.microsoft.playwright.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Pages open only for those who may act on them, and times read where the reader is (issue 16): an employee is
 * refused a community's lead page and someone else's event's organiser pages with the friendly 403 page; grace in
 * London reads a Berlin event's time as Berlin's and her own, ada in Berlin as Berlin's only; no page shows a zone id.
 */
@ExtendWith(PlatformExtension.class)
class PagesForThoseWhoMayActBrowserIT {

    @Test
    void an_employee_gets_403_on_a_lead_page_and_an_organiser_page_that_are_not_hers(Platform platform) {
        String run = UUID.randomUUID().toString().substring(0, 6);
        String grace = platform.stack().accessToken("grace");
        String community = Api.foundCommunity(platform, grace,
                "{\"name\":\"Kotlin Circle " + run + "\",\"description\":\"Coroutines and more\",\"practiceArea\":\"kotlin\"}");
        Instant start = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        HttpResponse<String> event = Api.call(platform, "POST", "/api/events", grace, "{\"title\":\"Berlin evening " + run
                + "\",\"type\":\"TRAINING\",\"format\":\"IN_PERSON\",\"location\":\"Room 4\",\"timeZone\":\"Europe/Berlin\","
                + "\"startsAt\":\"" + start + "\",\"endsAt\":\"" + start.plusSeconds(5400) + "\"}");
        assertEquals(201, event.statusCode(), event.body());
        String eventId = Api.field(event.body(), "id");

        try (Browser browser = Browser.open(platform)) {
            browser.signIn("/", "ada").awaitText("Welcome, Ada");
            for (String page : new String[] {"/lead/communities/" + community, "/lead/communities/" + community + "/goals/new",
                    "/organiser/events/" + eventId, "/organiser/events/" + eventId + "/edit",
                    "/organiser/events/" + eventId + "/cancel"}) {
                Response answer = browser.page().navigate(platform.url(page));
                assertEquals(403, answer.status(), page);
                String text = browser.pageText();
                assertTrue(text.contains("You may not open this page"), page + ": " + text);
                assertFalse(text.contains("cannot be shown right now"), page + ": a refusal is not an outage");
                assertFalse(text.contains("Set a goal") || text.contains("Check in"), page + ": no forms she cannot use");
                assertTrue(text.contains("Sign out"), page + ": the navigation stays");
            }
            browser.go("/lead/communities/" + community);
            browser.screenshot("forbidden-lead-page");

            // Ada is in Berlin: the Berlin event's time is hers.
            browser.go("/events/" + eventId).awaitText("Berlin evening " + run);
            String when = browser.byId("event-when").innerText();
            assertTrue(when.endsWith(" Berlin") && !when.contains("your time"), when);
            assertNoZoneId(browser, "/events/" + eventId);
        }

        try (Browser browser = Browser.open(platform)) {
            // Grace is in London: the Berlin time, and hers an hour earlier.
            browser.signIn("/events/" + eventId, "grace").awaitText("Berlin evening " + run);
            String when = browser.byId("event-when").innerText();
            assertTrue(when.matches(".*\\d\\d:\\d\\d–\\d\\d:\\d\\d Berlin · .*\\d\\d:\\d\\d–\\d\\d:\\d\\d your time"), when);
            browser.screenshot("event-two-zones");
            for (String page : new String[] {"/events/" + eventId, "/events", "/events?view=week", "/events?view=month", "/",
                    "/organiser", "/organiser/events/" + eventId, "/organiser/events/new", "/communities/" + community}) {
                assertNoZoneId(browser, page);
            }
            browser.go("/events?view=week");
            assertTrue(browser.pageText().contains("times in London"), browser.pageText());
            // The lead page of the community she leads opens for her.
            Response own = browser.page().navigate(platform.url("/lead/communities/" + community));
            assertEquals(200, own.status());
        }
    }

    private static void assertNoZoneId(Browser browser, String page) {
        Response answer = browser.page().navigate(browser.platformUrl(page));
        assertTrue(answer.status() < 400, page + " answered " + answer.status());
        String text = browser.pageText();
        assertFalse(text.matches("(?s).*\\b(Europe|America|Asia|Africa|Australia|Pacific|Atlantic|Indian)/[A-Z].*"),
                page + " shows a zone id: " + text);
        assertFalse(text.contains("(UTC)"), page + " shows (UTC): " + text);
    }
}
