package io.guildhall.e2e;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An employee in a real browser: signs in on Keycloak's form, finds an event by filtering, RSVPs, joins the
 * waitlist of a full event and sees her position, downloads the .ics, and finds her calendar feed.
 */
@ExtendWith(PlatformExtension.class)
class EmployeeEventsBrowserIT {

    static Platform platform;
    static Browser browser;
    static String run = UUID.randomUUID().toString().substring(0, 6);
    static String openEvent;
    static String fullEvent;

    @BeforeAll
    static void scene(Platform started) {
        platform = started;
        String grace = platform.stack().accessToken("grace");
        Instant inTwoDays = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        openEvent = Api.createEvent(platform, grace, "Kotlin for Java developers " + run, inTwoDays, 20);
        fullEvent = Api.createEvent(platform, grace, "Sold-out workshop " + run, inTwoDays.plus(1, ChronoUnit.DAYS), 1);
        Api.rsvp(platform, platform.stack().accessToken("katherine"), fullEvent);
        browser = Browser.open(platform).signIn("/events", "ada");
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void an_employee_finds_an_event_rsvps_and_downloads_it_for_her_calendar() throws Exception {
        browser.go("/events").awaitText("Upcoming events");
        browser.screenshot("events-list");
        // On a phone, the navigation and the filters fold behind buttons: the first screen shows an event.
        browser.page().setViewportSize(375, 812);
        try {
            Number top = (Number) browser.until(page -> page.evaluate("() => { var first = document.querySelector('.event-item');"
                    + " var nav = document.querySelector('details.nav-menu');"
                    + " return first && nav && !nav.open ? first.getBoundingClientRect().top : null; }"));
            assertTrue(top.doubleValue() < 812, "the first event starts " + top + " px down on a 812 px phone screen");
        } finally {
            browser.page().setViewportSize(1366, 900);
        }
        assertTrue(browser.pageText().contains("Today") || browser.pageText().contains("Tomorrow")
                || browser.pageText().matches("(?s).*(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) \\d+ .*"),
                "the list has day headings: " + browser.pageText());
        browser.choose("Type", "Training").click("Show events");
        // The filter is a GET form: wait for its navigation rather than read the address while it is under way.
        browser.until(page -> page.url().contains("type=TRAINING"));
        browser.click("Kotlin for Java developers " + run).awaitText("Your answer");
        assertTrue(browser.pageText().contains("0 of 20 seats taken"), browser.pageText());

        browser.click("I am going").awaitText("You are going.");
        browser.awaitText("1 of 20 seats taken");
        // A toast says what happened; the people going now include her, by face and by name.
        assertEquals("You are going. It is in your calendar feed.",
                browser.until(page -> { String t = page.locator("#portal-status").innerText(); return t.isBlank() ? null : t; }));
        assertEquals("Ada Lovelace is going", browser.page().locator(".going__summary").innerText());
        assertEquals("AL", browser.page().locator(".avatars .avatar").first().innerText());
        // One clear way out, explained; the host is named.
        assertTrue(browser.button("I can't go after all").isVisible());
        assertTrue(browser.pageText().contains("If you can't go"), browser.pageText());
        assertEquals(0, browser.page().locator("xpath=//button[normalize-space(.)='Withdraw my answer']").count());
        assertTrue(browser.byId("event-host").innerText().contains("Grace"), browser.byId("event-host").innerText());
        browser.screenshot("event-page");
        // The list says so too, at the event: a badge, the seats left.
        browser.go("/events?type=TRAINING").awaitText("Kotlin for Java developers " + run);
        String item = browser.page().locator(".event-item", new com.microsoft.playwright.Page.LocatorOptions()
                .setHasText("Kotlin for Java developers " + run)).first().innerText();
        assertTrue(item.contains("You're going") && item.contains("19 seats left"), item);
        browser.screenshot("events-list-going");
        browser.go("/events/" + openEvent).awaitText("You are going.");

        browser.click("Add to calendar (.ics)");
        Path ics = browser.downloaded(".ics");
        String calendar = Files.readString(ics);
        assertTrue(calendar.contains("BEGIN:VEVENT"), calendar);
        assertTrue(calendar.contains("UID:" + openEvent + "@guildhall"), calendar);
        assertTrue(calendar.contains("Kotlin for Java developers " + run), calendar);
        // A link back to the event's page, and the organiser by name (never an email).
        assertTrue(calendar.replace("\r\n ", "").contains("URL:" + platform.url("/events/" + openEvent)), calendar);
        assertTrue(calendar.contains("ORGANIZER;CN=Grace Hopper:urn:uuid:"), calendar);

        // The answer is the service's, not the page's: a reload shows it too.
        browser.go("/events/" + openEvent).awaitText("You are going.");
    }

    @Test
    void an_employee_joins_the_waitlist_of_a_full_event_and_sees_her_position() {
        browser.go("/events/" + fullEvent).awaitText("1 of 1 seats taken — full");
        // Who is going is for those going: she reads the count, no face, no name.
        assertEquals("1 person is going. Once you are going, you see who else is.",
                browser.page().locator(".going__summary").innerText());
        assertEquals(0, browser.page().locator(".avatars").count());
        browser.click("Join the waitlist").awaitText("You are on the waitlist: position 1.");
        browser.screenshot("event-waitlist");
        browser.click("Leave the waitlist").awaitText("You have not answered yet.");
        browser.click("Join the waitlist").awaitText("You are on the waitlist: position 1.");
    }

    @Test
    void a_seat_freed_on_an_event_with_a_claim_window_is_offered_to_her_and_she_takes_it() {
        String grace = platform.stack().accessToken("grace");
        Instant start = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        HttpResponse<String> created = Api.call(platform, "POST", "/api/events", grace, "{\"title\":\"Claim a seat " + run
                + "\",\"type\":\"TRAINING\",\"format\":\"IN_PERSON\",\"location\":\"Room 4\",\"capacity\":1,"
                + "\"waitlistOfferHours\":12,\"startsAt\":\"" + start + "\",\"endsAt\":\"" + start.plusSeconds(3600) + "\"}");
        assertEquals(201, created.statusCode(), created.body());
        String event = Api.field(created.body(), "id");
        String katherine = platform.stack().accessToken("katherine");
        Api.rsvp(platform, katherine, event);
        browser.go("/events/" + event).awaitText("1 of 1 seats taken — full");
        browser.click("Join the waitlist").awaitText("You are on the waitlist: position 1.");
        assertTrue(browser.pageText().contains("you then have 12 hours to take it"), browser.pageText());
        // Katherine cannot go: the seat is held for ada, who takes it.
        assertEquals(204, Api.call(platform, "DELETE", "/api/events/" + event + "/rsvp", katherine, null).statusCode());
        browser.go("/events/" + event).awaitText("A seat is free for you.");
        assertTrue(browser.byId("rsvp-offer").innerText().contains("It is yours if you take it by"), browser.byId("rsvp-offer").innerText());
        browser.screenshot("event-seat-offered");
        browser.click("Take the seat").awaitText("You are going.");
    }

    @Test
    void an_attendee_checks_herself_in_with_the_code_and_a_wrong_code_is_refused_at_its_field() throws Exception {
        String grace = platform.stack().accessToken("grace");
        String soon = Api.createEvent(platform, grace, "Stand-up social " + run, Instant.now().plus(15, ChronoUnit.MINUTES), null);
        String code = Api.field(Api.call(platform, "GET", "/api/events/" + soon + "/attendees", grace, null).body(), "checkInCode");
        browser.go("/events/" + soon).awaitText("Check-in code");
        browser.type("Check-in code", "WRONG1").click("Check me in");
        assertEquals("is not this event's check-in code", browser.byId("f-code-error").innerText());
        assertEquals("WRONG1", browser.field("Check-in code").inputValue(), "what she typed stays");
        browser.type("Check-in code", code).click("Check me in").awaitText("You are checked in: 60 minutes");
        browser.screenshot("event-self-check-in");

        // Checked in, she rates it: a missing rating is said in plain words, then hers is sent, changeable later.
        browser.go("/events/" + soon).awaitText("How was it?");
        assertEquals("You are checked in.", browser.byId("already-checked-in").innerText(), "no second check-in form");
        browser.type("Comment (optional; the organiser reads it without your name)", "Short and useful").click("Send my rating");
        assertEquals("Choose a rating from 1 to 5", browser.byId("f-rating-error").innerText());
        browser.page().locator("#f-rating-4").check();
        browser.click("Send my rating").awaitText("Thank you: the organiser sees your rating without your name.");
        assertTrue(browser.button("Change my rating").isVisible());
        assertTrue(browser.page().locator("#f-rating-4").isChecked());
        browser.byId("feedback").scrollIntoViewIfNeeded();
        browser.screenshot("event-feedback");
        // A training: her certificate of attendance, whose code anyone checks without signing in.
        browser.click("download it (PDF)");
        byte[] pdf = Files.readAllBytes(browser.downloaded(".pdf"));
        String text;
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
        }
        assertTrue(text.contains("Ada Lovelace") && text.contains("Stand-up social " + run), text);
        String certificate = text.replaceAll("(?s).*Verification code ([A-Z0-9]{5}-[A-Z0-9]{5}).*", "$1");
        try (Browser anyone = Browser.open(platform)) {
            anyone.go("/certificates").awaitText("Check a certificate of attendance");
            anyone.type("Verification code", certificate.toLowerCase()).click("Check").awaitText("This certificate is genuine.");
            assertTrue(anyone.byId("certificate-valid").innerText().contains("Ada Lovelace attended the training “Stand-up social " + run),
                    anyone.byId("certificate-valid").innerText());
            assertTrue(!anyone.pageText().contains("Sign out"), "nobody is signed in");
            anyone.screenshot("certificate-check");
            anyone.go("/certificates/ABCDE-FGHJK").awaitText("No certificate has the code ABCDE-FGHJK");
        }
        // The organiser reads that one person rated it, and nothing more under 5 answers.
        HttpResponse<String> summary = Api.call(platform, "GET", "/api/events/" + soon + "/feedback", grace, null);
        assertTrue(summary.body().contains("\"count\":1") && summary.body().contains("\"suppressed\":true")
                && !summary.body().contains("Short and useful"), summary.body());
    }

    @Test
    void the_calendar_shows_the_events_of_the_month_and_the_week_and_the_feed_has_a_secret_address() {
        String date = Instant.now().plus(2, ChronoUnit.DAYS).atZone(java.time.ZoneId.of("Europe/Berlin")).toLocalDate().toString();
        browser.go("/events?view=month&date=" + date).awaitText("Kotlin for Java developers " + run);
        browser.screenshot("events-month");
        browser.go("/events?view=week&date=" + date).awaitText("Kotlin for Java developers " + run);
        browser.screenshot("events-week");
        browser.click("Next week");
        String nextWeek = "date=" + java.time.LocalDate.parse(date).plusWeeks(1);
        browser.until(page -> page.url().contains(nextWeek));
        browser.awaitText("Previous week");

        browser.go("/events").click("My calendar feed").awaitText("Feed address");
        String feed = browser.field("Feed address").inputValue();
        assertTrue(feed.startsWith(platform.url("/api/calendar/feeds/")) && feed.endsWith(".ics"), feed);
        browser.screenshot("calendar-feed");
        assertEquals(feed, browser.go("/events/calendar-feed").field("Feed address").inputValue(),
                "the feed keeps its address until renewed");
        assertTrue(browser.page().locator("xpath=//a[normalize-space(.)='Subscribe in my calendar app']").count() == 1);
    }
}
