package io.guildhall.e2e;

import com.microsoft.playwright.Locator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A community lead in a real browser sets a goal for her community and checks in its progress; another lead
 * edits a goal's title, target and due date (a refused value comes back at its field with what she typed) and
 * the community's public page shows the change.
 */
@ExtendWith(PlatformExtension.class)
class LeadGoalBrowserIT {

    @Test
    void a_lead_creates_a_goal_and_checks_in_progress(Platform platform) throws java.sql.SQLException {
        String name = "Testing Guild " + UUID.randomUUID().toString().substring(0, 6);
        HttpResponse<String> founded = Api.call(platform, "POST", "/api/communities", platform.stack().accessToken("grace"),
                "{\"name\":\"" + name + "\",\"description\":\"Tests that matter\",\"practiceArea\":\"testing\"}");
        assertEquals(201, founded.statusCode(), founded.body());
        String communityId = Api.field(founded.body(), "id");

        try (Browser browser = Browser.open(platform)) {
            browser.signIn("/lead/communities/" + communityId, "grace").awaitText(name);
            browser.click("Set a goal").awaitText("Set a goal");
            browser.type("Title", "Publish testing guides")
                    .choose("What it measures", "custom")
                    .type("Unit (custom goals, e.g. blog posts)", "guides")
                    .type("Target", "4")
                    .set("Due date", LocalDate.now().plusMonths(3).toString());
            browser.screenshot("lead-goal-form");
            browser.click("Set goal").awaitText("Publish testing guides");
            assertTrue(browser.url().endsWith("/lead/communities/" + communityId), browser.url());

            Locator goal = browser.page().locator("xpath=//article[contains(@class,'goal')][h3[normalize-space(.)='Publish testing guides']]");
            goal.locator("input[name='value']").fill("1");
            goal.locator("input[name='comment']").fill("First guide is out");
            browser.click(goal.locator("xpath=.//button[normalize-space(.)='Check in']"));
            browser.awaitText("Check-in saved.").awaitText("1 of 4 guides (25 %)");
            browser.screenshot("lead-community");

            // The community's page, which every employee reads, shows the goal with the evidence behind it.
            browser.go("/communities/" + communityId).awaitText("Publish testing guides");
            assertFalse(browser.pageText().contains("Your community is started"), "the welcome is for ?started only");
            Locator card = browser.page().locator("xpath=//article[contains(@class,'goal')][h3[normalize-space(.)='Publish testing guides']]");
            String evidence = card.locator(".goal__evidence").innerText();
            assertTrue(evidence.contains("1 of 4 guides") && evidence.contains("lead check-in")
                    && evidence.contains("“First guide is out”"), evidence);
            card.scrollIntoViewIfNeeded();
            browser.screenshot("community-goal-evidence");

            // Where it talks: the lead lists a channel (a wrong address first), and the public page shows it.
            browser.go("/lead/communities/" + communityId).awaitText("No channel listed yet.");
            browser.choose("Kind of channel", "Slack").type("Address", "slack/testing").click("Add the channel");
            browser.awaitText("The link must start with https:// (or http://)");
            assertEquals("slack/testing", browser.field("Address").inputValue(), "what she typed stays");
            browser.type("Address", "https://example.slack.com/archives/C0TESTING").click("Add the channel")
                    .awaitText("Channel added.");
            browser.byId("channels").scrollIntoViewIfNeeded();
            browser.screenshot("lead-channels");
            browser.go("/communities/" + communityId).awaitText("Where it talks");
            String channels = browser.byId("channels").innerText();
            assertTrue(channels.contains("Slack") && channels.contains("example.slack.com/archives/C0TESTING"), channels);

            // Gone quiet: what community-service's hourly check does after 90 days without an event (InactivityIT
            // runs the check itself) is done here by hand, then the lead renews it from her page.
            try (java.sql.Connection db = java.sql.DriverManager.getConnection(platform.stack().jdbcUrl("e2e_community"),
                    platform.stack().dbUsername(), platform.stack().dbPassword());
                 java.sql.Statement sql = db.createStatement()) {
                assertEquals(1, sql.executeUpdate("UPDATE community SET status = 'INACTIVE', version = version + 1,"
                        + " last_activity_at = now() - interval '100 days' WHERE id = '" + communityId + "'"));
            }
            browser.go("/communities/" + communityId).awaitText("inactive: no event for 90 days");
            browser.go("/lead/communities/" + communityId).awaitText("This community has gone quiet");
            assertFalse(browser.pageText().contains("Renewed:"), "nothing renewed yet");
            browser.screenshot("lead-inactive");
            // Executives see how many communities have gone quiet.
            try (Browser katherine = Browser.open(platform)) {
                katherine.signIn("/executive", "katherine").awaitMatch("communit(y has|ies have) held no event for 90 days");
            }
            browser.click("Renew the community").awaitText("Renewed: the community is active again.");
            assertEquals(0, browser.page().locator("#inactive").count(), "the banner is gone");
        }
    }

    @Test
    void a_lead_edits_a_goal_after_a_refused_value_and_the_community_page_shows_the_change(Platform platform) {
        String radia = platform.stack().accessToken("radia");
        String name = "Networking Guild " + UUID.randomUUID().toString().substring(0, 6);
        String communityId = Api.foundCommunity(platform, radia,
                "{\"name\":\"" + name + "\",\"description\":\"Packets and protocols\",\"practiceArea\":\"networking\"}");
        HttpResponse<String> goal = Api.call(platform, "POST", "/api/communities/" + communityId + "/goals", radia,
                "{\"title\":\"Run three workshops\",\"metric\":\"CUSTOM\",\"unit\":\"workshops\",\"baseline\":0,"
                        + "\"target\":3,\"dueDate\":\"" + LocalDate.now().plusMonths(2) + "\"}");
        assertEquals(201, goal.statusCode(), goal.body());
        LocalDate due = LocalDate.now().plusMonths(4);

        try (Browser browser = Browser.open(platform)) {
            browser.signIn("/lead/communities/" + communityId, "radia").awaitText("Run three workshops");
            browser.click("Edit goal").awaitText("Edit goal: Run three workshops");
            browser.type("Title", "Run five workshops").type("Target", "five").click("Save changes");
            assertFalse(browser.byId("f-target-error").innerText().isBlank(), "the message is at the target field");
            assertEquals("true", browser.field("Target").getAttribute("aria-invalid"));
            assertEquals("five", browser.field("Target").inputValue(), "what she typed stays");
            assertEquals("Run five workshops", browser.field("Title").inputValue(), "the other fields too");
            assertEquals("custom", browser.field("What it measures").locator("option:checked").innerText(),
                    "the goal's metric, which cannot change, still shows");
            browser.screenshot("lead-goal-edit-refused");

            browser.type("Target", "5").set("Due date", due.toString()).click("Save changes").awaitText("Run five workshops");
            assertTrue(browser.url().endsWith("/lead/communities/" + communityId), browser.url());
            browser.awaitText("0 of 5 workshops (0 %)");

            browser.click("Public page").awaitText(name);
            Locator card = browser.page().locator(
                    "xpath=//*[@id='goals']/article[h3[normalize-space(.)='Run five workshops']]");
            String shown = card.innerText();
            assertTrue(shown.contains("due " + due.format(DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH))), shown);
            assertTrue(shown.contains("0 of 5 workshops"), shown);
            assertFalse(browser.pageText().contains("Run three workshops"), "the old title is gone");
            browser.screenshot("community-goal-edited");
        }
    }
}
