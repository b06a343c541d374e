package io.guildhall.e2e;

import com.microsoft.playwright.Locator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The participation figures read true (issue 12): the "me" page shows the target on the gauge, how far the target is,
 * and the minutes that were recorded but did not count with their reason; oversight shows the whole organisation's
 * headline and explains suppression.
 */
@ExtendWith(PlatformExtension.class)
class ParticipationFiguresBrowserIT {

    @Test
    void my_page_marks_the_target_says_how_far_it_is_and_shows_the_minutes_that_did_not_count(Platform platform) {
        String run = UUID.randomUUID().toString().substring(0, 6);
        String token = platform.stack().accessToken("tim");
        String community = Api.foundCommunity(platform, token, "{\"name\":\"Type Theory Circle " + run
                + "\",\"description\":\"Proofs and programs\",\"practiceArea\":\"languages\"}");
        // 600 minutes of mentoring on one day: a day counts at most its work time (480 for 40 h), none on a weekend,
        // so some of it is "recorded but not counted" whatever day yesterday was. Yesterday in UTC is no one's future.
        LocalDate yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1);
        logEventually(platform, token, "{\"communityId\":\"" + community + "\",\"kind\":\"MENTORING\",\"date\":\""
                + yesterday + "\",\"minutes\":600,\"note\":\"Mentoring marathon " + run + "\"}");

        try (Browser browser = Browser.open(platform)) {
            browser.signIn("/me?period=rolling13", "tim").awaitText("My share of work time");
            // analytics-service applies the contribution a moment later: look again until it shows.
            browser.until(d -> {
                if (browser.pageText().contains("Recorded but not counted")) {
                    return true;
                }
                browser.go("/me?period=rolling13");
                return null;
            });
            String uncounted = browser.byId("uncounted").innerText();
            assertTrue(uncounted.contains("over the day's work time") || uncounted.contains("outside work time"),
                    uncounted);
            assertTrue(browser.byId("to-target").innerText().matches(".*\\d+(\\.\\d)? h (to go|above the target) this period.*"),
                    browser.byId("to-target").innerText());
            assertTrue(!browser.byId("my-standing").innerText().isBlank());

            Locator gauge = browser.page().locator("section[aria-labelledby='h-share'] canvas");
            Object target = gauge.evaluate("canvas => { var c = window.Chart && Chart.getChart(canvas);"
                    + " return c && c.options.guildhallGauge ? c.options.guildhallGauge.target : null; }");
            assertEquals("17.0", String.valueOf(Double.valueOf(String.valueOf(target))),
                    "the gauge carries the 17 % mark");
            // The figures by week sit in a closed <details>: read them without opening it.
            String weeks = browser.page().locator("#by-week").textContent();
            assertTrue(weeks.matches("(?s).*\\d+(–| – )\\d+ [A-Z][a-z]{2}.*") && !weeks.matches("(?s).*\\d{4}-W\\d{2}.*"),
                    "weeks labelled by their days: " + weeks);
            browser.screenshot("me-figures");
        }
    }

    @Test
    void oversight_has_a_headline_for_the_whole_organisation_and_explains_suppression(Platform platform) {
        try (Browser browser = Browser.open(platform)) {
            browser.signIn("/executive", "katherine").awaitText("The whole organisation");
            String headline = browser.byId("oversight-headline").innerText();
            assertTrue(headline.contains("People counted") && headline.contains("Took part at all")
                    && headline.contains("Mean share of work time") && headline.contains("Median share")
                    && headline.contains("At or above the target"), headline);
            assertTrue(browser.byId("suppression-note").innerText().contains("subtracting would reveal a small group"));
            browser.screenshot("oversight-headline");
        }
    }

    private static void logEventually(Platform platform, String token, String json) {
        Instant deadline = Instant.now().plusSeconds(120);
        HttpResponse<String> logged = Api.call(platform, "POST", "/api/contributions", token, json);
        // membership-service learns of the new community (and its founder's membership) from Kafka.
        while (logged.statusCode() != 201 && Instant.now().isBefore(deadline)) {
            sleep();
            logged = Api.call(platform, "POST", "/api/contributions", token, json);
        }
        assertEquals(201, logged.statusCode(), logged.body());
    }

    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
