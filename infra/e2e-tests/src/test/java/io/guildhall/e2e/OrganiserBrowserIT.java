package io.guildhall.e2e;

import com.microsoft.playwright.Locator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An organiser in a real browser: a refused form keeps what she typed and says what is wrong where; she
 * schedules an event and a recurring one, reschedules and cancels, and checks people in, one by one and in bulk.
 */
@ExtendWith(PlatformExtension.class)
class OrganiserBrowserIT {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    static Platform platform;
    static Browser browser;
    static String run = UUID.randomUUID().toString().substring(0, 6);

    @BeforeAll
    static void signIn(Platform started) {
        platform = started;
        browser = Browser.open(platform).signIn("/organiser", "grace");
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void an_organiser_checks_people_in_one_by_one_and_in_bulk() {
        // Starts in 20 minutes: people can still answer, and check-in is already open (from 30 minutes before).
        LocalDateTime start = LocalDateTime.ofInstant(Instant.now().plus(20, ChronoUnit.MINUTES), BERLIN).truncatedTo(ChronoUnit.MINUTES);
        String title = "Code retreat " + run;
        browser.go("/organiser").click("Schedule an event").awaitText("Schedule an event");
        // Four mistakes at once: no title, the end before the start, no seat, no room for an in-person event.
        browser.choose("Type", "Community meetup")
                .choose("Time zone", "Berlin")
                .set("Starts", start.format(LOCAL))
                .set("Ends", start.minusHours(1).format(LOCAL))
                .type("Seats (empty for no limit)", "0");
        browser.click("Schedule the event");
        // Refused: four plain messages, each at its field, listed at the top too; everything typed is still there.
        assertEquals("Give it a title", browser.byId("f-title-error").innerText());
        assertEquals("The end must be after the start", browser.byId("f-endsAt-error").innerText());
        assertEquals("Seats must be a whole number above 0", browser.byId("f-capacity-error").innerText());
        assertEquals("Add a room or address for an in-person event", browser.byId("f-location-error").innerText());
        assertEquals(4, browser.page().locator("#form-problems li").count(), browser.byId("form-problems").innerText());
        assertEquals("0", browser.field("Seats (empty for no limit)").inputValue());
        assertEquals("Europe/Berlin", browser.field("Time zone").inputValue());
        browser.screenshot("organiser-form-refused");

        browser.type("Title", title).type("Location", "Atrium").type("Seats (empty for no limit)", "30")
                .set("Ends", start.plusHours(2).format(LOCAL)).click("Schedule the event").awaitText("The event is scheduled.");
        String eventId = browser.url().replaceAll(".*/organiser/events/([0-9a-f-]{36}).*", "$1");
        Api.rsvp(platform, platform.stack().accessToken("ada"), eventId);
        Api.rsvp(platform, platform.stack().accessToken("katherine"), eventId);

        browser.go("/organiser/events/" + eventId).awaitText("0 of 2 checked in");
        assertTrue(browser.byId("checkin-code").innerText().length() >= 4, "the self check-in code is shown");
        browser.screenshot("organiser-attendees");
        // Rows are keyed by person id: names come from the directory, which a fresh platform may still be syncing.
        Locator adaRow = browser.byId("attendee-" + platform.stack().personId("ada"));
        browser.click(adaRow.locator("xpath=.//button[normalize-space(.)='Check in']"));
        browser.awaitText("1 of 2 checked in").awaitText("Checked in.");
        assertTrue(adaRow.innerText().contains("checked in, 120 min"), adaRow.innerText());

        Locator boxes = browser.page().locator("input[name='personId']:not([disabled])");
        assertEquals(1, boxes.count(), "only Katherine is left to check in");
        boxes.first().check();
        browser.click("Check in the selected people").awaitText("2 of 2 checked in").awaitText("1 person checked in.");
        browser.screenshot("organiser-checked-in");
    }

    @Test
    void an_organiser_chooses_a_co_organiser_who_checks_people_in_but_cannot_edit_or_cancel() {
        String title = "Hack night " + run;
        String eventId = Api.createEvent(platform, platform.stack().accessToken("grace"), title,
                Instant.now().plus(20, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MINUTES), null);
        Api.rsvp(platform, platform.stack().accessToken("katherine"), eventId);
        // The directory knows Alan Turing once it has synced from Keycloak.
        String alanToken = platform.stack().accessToken("alan");
        browser.until(page -> Api.call(platform, "GET", "/api/people?q=Alan%20Turing", alanToken, null).body()
                .contains("\"displayName\":\"Alan Turing\"") ? Boolean.TRUE : null);

        browser.go("/organiser/events/" + eventId).awaitText("No co-organiser yet.");
        browser.type("Add a co-organiser (their name)", "Nobody Atall").click("Add");
        assertEquals("No one here is called \"Nobody Atall\"", browser.byId("f-person-error").innerText());
        browser.type("Add a co-organiser (their name)", "Alan Turing").click("Add")
                .awaitText("Added: they can now check people in and see who answered.");
        assertTrue(browser.byId("co-organiser-list").innerText().contains("Alan Turing"), browser.byId("co-organiser-list").innerText());
        browser.screenshot("organiser-co-organisers");

        try (Browser alan = Browser.open(platform)) {
            // His own list of events to run has it; its page lets him check people in, not edit or cancel.
            alan.signIn("/organiser", "alan").awaitText(title);
            alan.go("/events/" + eventId).awaitText(title);
            assertEquals("Grace Hopper, with Alan Turing", alan.byId("event-host").innerText());
            alan.click("Check people in").awaitText("0 of 1 checked in");
            assertEquals(0, alan.page().locator("xpath=//a[normalize-space(.)='Edit or reschedule']").count());
            assertEquals(0, alan.page().locator("xpath=//a[normalize-space(.)='Cancel the event']").count());
            assertEquals(0, alan.page().locator("#f-person").count(), "he does not choose co-organisers");
            Locator katherineRow = alan.byId("attendee-" + platform.stack().personId("katherine"));
            alan.click(katherineRow.locator("xpath=.//button[normalize-space(.)='Check in']"));
            alan.awaitText("1 of 1 checked in");
            alan.screenshot("co-organiser-check-in");
            assertEquals(403, alan.page().navigate(platform.url("/organiser/events/" + eventId + "/edit")).status());
        }

        browser.go("/organiser/events/" + eventId);
        browser.click(browser.page().locator("xpath=//li[contains(@class,'list-row')][span[normalize-space(.)='Alan Turing']]//button"))
                .awaitText("Removed.").awaitText("No co-organiser yet.");
    }

    @Test
    void an_organiser_schedules_a_weekly_series_then_reschedules_and_cancels_one_occurrence() {
        LocalDateTime start = LocalDateTime.ofInstant(Instant.now().plus(3, ChronoUnit.DAYS), BERLIN).withHour(17).withMinute(0)
                .truncatedTo(ChronoUnit.MINUTES);
        String title = "Lunch and learn " + run;
        String community = "Lunch Club " + run;
        java.net.http.HttpResponse<String> founded = Api.call(platform, "POST", "/api/communities", platform.stack().accessToken("grace"),
                "{\"name\":\"" + community + "\",\"description\":\"Learning over lunch\",\"practiceArea\":\"learning\"}");
        assertEquals(201, founded.statusCode(), founded.body());
        browser.go("/organiser/events/new").awaitText("Schedule an event");
        browser.type("Title", title)
                .choose("Time zone", "Berlin")
                .choose("Community", community)
                .choose("Format", "Online")
                .set("Starts", start.format(LOCAL))
                .set("Ends", start.plusHours(1).format(LOCAL))
                .type("Online link", "https://meet.example.org/lunch")
                .choose("Repeats", "Weekly")
                .type("Number of occurrences", "3");
        browser.screenshot("organiser-form");
        browser.click("Schedule the event").awaitText("The event is scheduled.");
        browser.awaitText("This recurring event");
        assertEquals(3, browser.page().locator("section[aria-labelledby='series-heading'] li").count());
        String eventId = browser.url().replaceAll(".*/organiser/events/([0-9a-f-]{36}).*", "$1");
        assertEquals(Api.field(founded.body(), "id"), Api.field(Api.call(platform, "GET", "/api/events/" + eventId,
                platform.stack().accessToken("grace"), null).body(), "communityId"), "scheduled for the community she leads");

        browser.click("Edit or reschedule").awaitText("Edit or reschedule: " + title);
        assertEquals(start.format(LOCAL), browser.field("Starts").inputValue());
        browser.set("Starts", start.plusHours(1).format(LOCAL)).set("Ends", start.plusHours(2).format(LOCAL))
                .click("Save changes").awaitText("Your changes are saved");
        assertTrue(browser.pageText().contains("18:00–19:00"), browser.pageText());

        browser.click("Cancel the event").awaitText("Everyone who answered is told.");
        browser.type("Reason (optional, shown to attendees)", "Speaker is ill");
        browser.click("Cancel the event").awaitText("The event is cancelled; everyone who answered is told.");
        browser.screenshot("organiser-cancelled");
        browser.go("/organiser").awaitText(title);
        browser.screenshot("organiser-index");
    }
}
